namespace MolDash.GrainInterfaces.Organizations;

/// <summary>Queries across organizations (Root only), answered from the metadata database.</summary>
[Alias("MolDash.IOrganizationDirectoryGrain")]
public interface IOrganizationDirectoryGrain : IGrainWithIntegerKey
{
    /// <param name="after">The cursor from the previous page, or null for the first page.</param>
    [Alias("List")]
    Task<OrganizationPage> ListAsync(string? after, int limit);
}
