namespace MolDash.GrainInterfaces.Organizations;

/// <summary>What provisioning makes for a new organization, in this order.</summary>
[GenerateSerializer, Alias("MolDash.ProvisioningStep")]
public enum ProvisioningStep
{
    /// <summary>The org's own PostgreSQL database for jobs and results, with its schema.</summary>
    ResultsDatabase = 0,

    /// <summary>The org's own blob container for molecules, poses and logs.</summary>
    BlobContainer = 1,

    /// <summary>The first Admin: a new account with an initial password shown once, or an existing account joined to the org.</summary>
    InitialAdmin = 2,

    /// <summary>The quotas and policies asked for at creation (the defaults where none were).</summary>
    Quotas = 3,
}
