namespace MolDash.GrainInterfaces.Organizations;

/// <summary>One organization (tenant), keyed by its id. Its grain is owned by that same org.</summary>
[Alias("MolDash.IOrganizationGrain")]
public interface IOrganizationGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Creates the organization and provisions its resources (see <see cref="ProvisioningStep"/>); the
    /// answer says whether it is active or which step failed. Repeating the call with the same name returns the existing org, so a
    /// retried request after an unknown outcome does not fail.
    /// </summary>
    [Alias("Create")]
    Task<OrganizationView> CreateAsync(string name);

    /// <summary>The organization, or a <see cref="Errors.ErrorKind.NotFound"/> error when it does not exist.</summary>
    [Alias("Get")]
    Task<OrganizationView> GetAsync();

    /// <summary>
    /// The org's limits, for grains that enforce them (any member may read them); an org that does not
    /// exist (yet) has the defaults.
    /// </summary>
    [Alias("GetQuotas")]
    [Orleans.Concurrency.ReadOnly]
    Task<OrganizationQuotas> GetQuotasAsync();

    /// <summary>Resumes provisioning from the step that failed (Root).</summary>
    [Alias("RetryProvisioning")]
    Task<OrganizationView> RetryProvisioningAsync();

    /// <summary>Replaces the org's quotas (Root); audited.</summary>
    [Alias("SetQuotas")]
    Task<OrganizationView> SetQuotasAsync(OrganizationQuotas quotas);

    /// <summary>Suspends an active org or reactivates a suspended one (Root); its members cannot sign in while suspended.</summary>
    [Alias("SetSuspended")]
    Task<OrganizationView> SetSuspendedAsync(bool suspended);
}
