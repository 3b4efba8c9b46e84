namespace MolDash.GrainInterfaces.Organizations;

/// <summary>One organization (tenant), keyed by its id. Its grain is owned by that same org.</summary>
[Alias("MolDash.IOrganizationGrain")]
public interface IOrganizationGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Creates the organization. Repeating the call with the same name returns the existing org, so a
    /// retried request after an unknown outcome does not fail.
    /// </summary>
    [Alias("Create")]
    Task<OrganizationView> CreateAsync(string name);

    /// <summary>The organization, or a <see cref="Errors.ErrorKind.NotFound"/> error when it does not exist.</summary>
    [Alias("Get")]
    Task<OrganizationView> GetAsync();
}
