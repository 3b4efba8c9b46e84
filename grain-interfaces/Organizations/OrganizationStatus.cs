namespace MolDash.GrainInterfaces.Organizations;

[GenerateSerializer, Alias("MolDash.OrganizationStatus")]
public enum OrganizationStatus
{
    /// <summary>Reserved in the catalog; the organization grain has not confirmed it yet.</summary>
    Provisioning = 0,
    Active = 1,
    Suspended = 2,

    /// <summary>A provisioning step failed; the view names it and why, and provisioning can be retried.</summary>
    Failed = 3,

    /// <summary>Being deleted with its data; its members are shut out. Once every step is done the org is gone (404).</summary>
    Deleting = 4,
}
