using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Jobs;
using MolDash.Grains.Persistence;
using Orleans.Concurrency;

namespace MolDash.Grains.Jobs;

/// <summary>An org's job listing: a read of its results database, so any silo may answer it in parallel.</summary>
[StatelessWorker]
[GrainType("moldash-job-directory")]
public sealed class JobDirectoryGrain(IJobRecords records) : Grain, IJobDirectoryGrain, IOrgOwned
{
    public const int MaxPageSize = 200;

    public Guid OwnerOrgId => this.GetPrimaryKey();

    public Task<JobSummaryPage> ListAsync(JobQuery query, string? after, int limit)
    {
        PageSize.Validate(limit, MaxPageSize);
        return records.ListAsync(OwnerOrgId, query, after, limit, CancellationToken.None);
    }
}
