using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Persistence;
using Orleans.Concurrency;

namespace MolDash.Grains.Tasks;

[StatelessWorker]
[GrainType("moldash-task-catalog")]
public sealed class TaskCatalogGrain(ITaskCatalog catalog) : Grain, ITaskCatalogGrain, IOrgOwned
{
    public const int MaxPageSize = 200;

    public Guid OwnerOrgId => this.GetPrimaryKey();

    public Task<TaskSummaryPage> ListAsync(TaskQuery query, string? after, int limit)
    {
        PageSize.Validate(limit, MaxPageSize);

        var cursor = after is null ? null : TaskCursor.Decode(after);
        return catalog.ListAsync(OwnerOrgId, query, cursor, limit);
    }
}
