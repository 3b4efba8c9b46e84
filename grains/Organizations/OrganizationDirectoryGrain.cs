using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;
using MolDash.Grains.Persistence;
using Orleans.Concurrency;

namespace MolDash.Grains.Organizations;

[StatelessWorker]
[GrainType("moldash-organization-directory")]
public sealed class OrganizationDirectoryGrain(IOrganizationCatalog catalog) : Grain, IOrganizationDirectoryGrain
{
    public const int MaxPageSize = 200;

    public Task<OrganizationPage> ListAsync(string? after, int limit)
    {
        if (CallerContext.Current?.IsRoot != true)
        {
            throw new MolDashException(ErrorKind.Forbidden, "Only Root can list all organizations.");
        }

        PageSize.Validate(limit, MaxPageSize);

        var cursor = after is null ? null : KeysetCursor.Decode(after);
        return catalog.ListAsync(cursor, limit);
    }
}
