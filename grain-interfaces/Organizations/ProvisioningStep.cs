namespace MolDash.GrainInterfaces.Organizations;

/// <summary>What provisioning makes for a new organization, in this order.</summary>
[GenerateSerializer, Alias("MolDash.ProvisioningStep")]
public enum ProvisioningStep
{
    /// <summary>The org's own PostgreSQL database for jobs and results, with its schema.</summary>
    ResultsDatabase = 0,

    /// <summary>The org's own blob container for molecules, poses and logs.</summary>
    BlobContainer = 1,
}
