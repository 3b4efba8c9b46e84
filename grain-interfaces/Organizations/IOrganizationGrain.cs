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
    /// <param name="admin">The first Admin; null leaves the org without members until Root adds one.</param>
    /// <param name="quotas">The org's quotas from the start; null for the defaults.</param>
    [Alias("Create")]
    Task<OrganizationView> CreateAsync(string name, InitialAdmin? admin = null, OrganizationQuotas? quotas = null);

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

    /// <summary>
    /// Resumes provisioning from the step that failed (Root). On an org whose first Admin's initial password
    /// was made but never shown (its silo died first), sets a new one and shows it.
    /// </summary>
    [Alias("RetryProvisioning")]
    Task<OrganizationView> RetryProvisioningAsync();

    /// <summary>Replaces the org's quotas (Root); audited.</summary>
    [Alias("SetQuotas")]
    Task<OrganizationView> SetQuotasAsync(OrganizationQuotas quotas);

    /// <summary>Suspends an active org or reactivates a suspended one (Root); its members cannot sign in while suspended.</summary>
    [Alias("SetSuspended")]
    Task<OrganizationView> SetSuspendedAsync(bool suspended);

    /// <summary>
    /// Deletes the organization with its data (Root); refused while it has unfinished jobs. Repeating the
    /// call resumes a deletion that stopped at a failed step.
    /// </summary>
    /// <returns>Null once the organization is gone; otherwise the org, deleting, with the step that failed.</returns>
    [Alias("Delete")]
    Task<OrganizationView?> DeleteAsync();
}
