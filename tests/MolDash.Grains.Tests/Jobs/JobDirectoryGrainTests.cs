using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Jobs;
using MolDash.GrainInterfaces.TaskServices;
using MolDash.Grains.Tests.Infrastructure;
using Orleans.TestingHost;

namespace MolDash.Grains.Tests.Jobs;

[Collection(ClusterTestGroup.Name)]
public sealed class JobDirectoryGrainTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset Epoch = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TestCluster cluster = fixture.Cluster;

    [Fact]
    public async Task A_member_pages_through_their_orgs_jobs_with_the_query_applied()
    {
        var orgId = Guid.NewGuid();
        var jobs = await SeedAsync(orgId, 5);
        await SeedAsync(Guid.NewGuid(), 2);
        Callers.ActAs(Callers.StandardOf(orgId));
        var directory = cluster.Client.GetGrain<IJobDirectoryGrain>(orgId);

        var first = await directory.ListAsync(new JobQuery { Sort = JobSort.OldestFirst }, null, 3);
        var second = await directory.ListAsync(new JobQuery { Sort = JobSort.OldestFirst }, first.NextCursor, 3);
        var failed = await directory.ListAsync(new JobQuery { Status = JobStatus.Failed }, null, 10);

        Assert.Equal(jobs.Select(j => j.JobId), first.Items.Concat(second.Items).Select(j => j.JobId));
        Assert.Null(second.NextCursor);
        Assert.Equal(jobs.Where(j => j.Status == JobStatus.Failed).Select(j => j.JobId).Reverse(), failed.Items.Select(j => j.JobId));
    }

    [Fact]
    public async Task Another_orgs_member_is_told_the_listing_does_not_exist()
    {
        var orgId = Guid.NewGuid();
        await SeedAsync(orgId, 1);
        Callers.ActAs(Callers.AdminOf(Guid.NewGuid()));

        var error = await Assert.ThrowsAsync<MolDashException>(() =>
            cluster.Client.GetGrain<IJobDirectoryGrain>(orgId).ListAsync(new JobQuery(), null, 10));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public async Task A_page_size_outside_1_to_200_is_refused(int limit)
    {
        var orgId = Guid.NewGuid();
        Callers.ActAs(Callers.StandardOf(orgId));

        var error = await Assert.ThrowsAsync<MolDashException>(() =>
            cluster.Client.GetGrain<IJobDirectoryGrain>(orgId).ListAsync(new JobQuery(), null, limit));

        Assert.Equal(ErrorKind.Validation, error.Kind);
    }

    private static async Task<List<JobSummary>> SeedAsync(Guid orgId, int count)
    {
        var jobs = Enumerable.Range(0, count).Select(i => new JobSummary
        {
            JobId = Guid.NewGuid(),
            Kind = JobKind.Task,
            Target = "dock@1.0.0",
            Status = i % 2 == 0 ? JobStatus.Succeeded : JobStatus.Failed,
            Priority = RunPriority.Normal,
            SubmittedBy = Guid.NewGuid(),
            CreatedAt = Epoch.AddMinutes(i),
            Progress = new JobProgress(1, 1, 0, 0),
        }).ToList();
        foreach (var job in jobs)
        {
            await ClusterFixture.JobRecords.WriteAsync(orgId, job, [], [], CancellationToken.None);
        }

        return jobs;
    }
}
