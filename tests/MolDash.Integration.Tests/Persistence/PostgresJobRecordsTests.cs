using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Jobs;
using MolDash.Grains.Jobs;
using MolDash.Grains.Organizations;
using MolDash.Grains.Persistence;
using MolDash.Testing;
using Npgsql;
using static MolDash.Integration.Tests.Persistence.JobRecordsData;

namespace MolDash.Integration.Tests.Persistence;

/// <summary>The jobs query model against a real results database migrated with the real migrations.</summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class PostgresJobRecordsTests : IAsyncLifetime
{
    private static readonly Guid OrgId = Guid.NewGuid();
    private static readonly Guid Ada = Guid.NewGuid();
    private static readonly Guid Bob = Guid.NewGuid();
    private readonly TestDatabase database = TestDatabase.CreateName("jobrecords");
    private OrgResultsDatabases databases = null!;
    private PostgresJobRecords records = null!;

    public async Task InitializeAsync()
    {
        await DatabaseMigrator.EnsureDatabaseExistsAsync(database.ConnectionString, CancellationToken.None);
        // A template without "{database}": every org id maps to this test's own database, migrated on first use.
        databases = new OrgResultsDatabases(
            Options.Create(new ResultsDatabaseOptions { ConnectionTemplate = database.ConnectionString }), NullLogger<DatabaseMigrator>.Instance);
        records = new PostgresJobRecords(databases);
    }

    public async Task DisposeAsync()
    {
        await databases.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task A_write_reads_back_as_the_job_its_events_and_its_results()
    {
        var job = Job(status: JobStatus.Running) with
        {
            StartedAt = Epoch.AddSeconds(2),
            Progress = new JobProgress(2, 1, 0, 1),
            Error = "partial",
        };
        var events = Events(job.JobId, 1, 3);
        var result = Result(job.JobId, "dock") with { Artifacts = [new OutputArtifact("/poses/0/sdf", Guid.NewGuid(), "dock_poses_0.sdf", "sdf")] };

        await WriteAsync(job, events, [result]);

        Assert.Equal([job], (await ListAsync(new JobQuery())).Items);
        Assert.Equal(events, (await records.EventsAsync(OrgId, job.JobId, 0, 10, CancellationToken.None)).Items);
        var stored = Assert.Single((await records.ResultsAsync(OrgId, job.JobId, null, 10, CancellationToken.None)).Items);
        Assert.Equal(result with { Output = null, Artifacts = [] }, stored with { Output = null, Artifacts = [] });
        Assert.Equal(result.Artifacts, stored.Artifacts);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(result.Output!.Json), JsonNode.Parse(stored.Output!.Json)));
    }

    [Fact]
    public async Task Writing_the_same_events_and_results_again_adds_nothing()
    {
        var job = Job(status: JobStatus.Running);
        var events = Events(job.JobId, 1, 4);
        var result = Result(job.JobId, "dock") with { Artifacts = [new OutputArtifact("/poses/0/sdf", Guid.NewGuid(), "dock_poses_0.sdf", "sdf")] };

        await WriteAsync(job, events, [result]);
        await WriteAsync(job, events, [result]);
        await WriteAsync(job, events.Skip(2).ToList(), [result]);

        Assert.Single((await ListAsync(new JobQuery())).Items);
        Assert.Equal(events.Select(e => e.Seq), (await records.EventsAsync(OrgId, job.JobId, 0, 100, CancellationToken.None)).Items.Select(e => e.Seq));
        Assert.Single((await records.ResultsAsync(OrgId, job.JobId, null, 100, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task A_later_write_moves_the_job_forward_and_an_older_one_never_moves_it_back()
    {
        var created = Job();
        var succeeded = created with { Status = JobStatus.Succeeded, FinishedAt = Epoch.AddSeconds(5), Progress = new JobProgress(1, 1, 0, 0) };
        var finalResult = Result(created.JobId, "dock");
        await WriteAsync(created, Events(created.JobId, 1, 1), []);
        await WriteAsync(succeeded, Events(created.JobId, 2, 5), [finalResult]);

        // A delayed write from before the job finished: its row and its result are stale.
        var running = created with { Status = JobStatus.Running, Progress = new JobProgress(1, 0, 0, 1) };
        await WriteAsync(running, Events(created.JobId, 2, 3), [Result(created.JobId, "dock", NodeStatus.Running, output: null)]);

        Assert.Equal([succeeded], (await ListAsync(new JobQuery())).Items);
        var result = Assert.Single((await records.ResultsAsync(OrgId, created.JobId, null, 10, CancellationToken.None)).Items);
        Assert.Equal(finalResult.RunId, result.RunId);
        Assert.Equal(NodeStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task A_finished_jobs_log_location_is_recorded_after_its_last_event_and_no_later_write_forgets_it()
    {
        var succeeded = Job() with { Status = JobStatus.Succeeded, FinishedAt = Epoch.AddSeconds(5), Progress = new JobProgress(1, 1, 0, 0) };
        await WriteAsync(succeeded, Events(succeeded.JobId, 1, 3), []);
        Assert.Null((await records.FindAsync(OrgId, succeeded.JobId, CancellationToken.None))!.LogsUri);

        // As the job grain writes it: no new event, the row as of the job's latest one.
        var kept = succeeded with { LogsUri = "jobs/logs/2026-11-29/writer-0000.log#bytes=0-99" };
        await WriteAsync(kept with { LastEventSeq = 3 }, [], []);
        await WriteAsync(succeeded, Events(succeeded.JobId, 3, 3), []);

        Assert.Equal(kept, await records.FindAsync(OrgId, succeeded.JobId, CancellationToken.None));
        Assert.Equal([kept], (await ListAsync(new JobQuery())).Items);
        Assert.Null(await records.FindAsync(OrgId, Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task A_write_without_events_changes_a_job_only_before_its_first_event()
    {
        var job = Job();
        await WriteAsync(job, [], []);
        var created = job with { Error = "created" };
        await WriteAsync(created, [], []);
        await WriteAsync(created, Events(job.JobId, 1, 1), []);

        await WriteAsync(job with { Status = JobStatus.Cancelled }, [], []);

        Assert.Equal([created], (await ListAsync(new JobQuery())).Items);
    }

    [Fact]
    public async Task Events_page_after_a_sequence_number()
    {
        var job = Job();
        await WriteAsync(job, Events(job.JobId, 1, 5), []);

        var first = await records.EventsAsync(OrgId, job.JobId, 2, 2, CancellationToken.None);
        var last = await records.EventsAsync(OrgId, job.JobId, first.NextAfterSeq!.Value, 2, CancellationToken.None);

        Assert.Equal([3L, 4L], first.Items.Select(e => e.Seq));
        Assert.Equal(4, first.NextAfterSeq);
        Assert.Equal([5L], last.Items.Select(e => e.Seq));
        Assert.Null(last.NextAfterSeq);
        Assert.Empty((await records.EventsAsync(OrgId, job.JobId, 5, 2, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task Results_page_in_ordinal_node_id_order()
    {
        var job = Job();
        string[] nodeIds = ["b", "a", "B", "a10", "a2"];
        await WriteAsync(job, Events(job.JobId, 1, 1), [.. nodeIds.Select(id => Result(job.JobId, id))]);

        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await records.ResultsAsync(OrgId, job.JobId, after, 2, CancellationToken.None);
            Assert.InRange(page.Items.Count, 1, 2);
            seen.AddRange(page.Items.Select(r => r.NodeId));
            after = page.NextCursor;
        }
        while (after is not null);

        Assert.Equal(nodeIds.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task Outputs_round_trip_as_json_and_a_failed_node_keeps_a_null_output()
    {
        var job = Job();
        const string output = """{"poses":[{"rank":1,"affinity":-9.25,"pdbqt":"MODEL 1\nENDMDL"}],"note":"ligand ✓ 配体","exact":12345678901234,"nothing":null}""";
        var failed = Result(job.JobId, "z-failed", NodeStatus.Failed, output: null) with { Error = "engine crashed", Attempts = 3 };
        await WriteAsync(job, Events(job.JobId, 1, 1), [Result(job.JobId, "dock", output: output), failed]);

        var stored = (await records.ResultsAsync(OrgId, job.JobId, null, 10, CancellationToken.None)).Items;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(output), JsonNode.Parse(stored[0].Output!.Json)));
        Assert.Equal(0.875, stored[0].Confidence);
        Assert.Equal(failed with { Artifacts = [] }, stored[1] with { Artifacts = [] });
        Assert.Empty(stored[1].Artifacts);
    }

    [Fact]
    public async Task Each_filter_returns_exactly_its_jobs()
    {
        var jobs = await SeedAsync();

        await AssertListsAsync(new JobQuery { Status = JobStatus.Failed }, jobs.Where(j => j.Status == JobStatus.Failed));
        await AssertListsAsync(new JobQuery { Kind = JobKind.Pipeline }, jobs.Where(j => j.Kind == JobKind.Pipeline));
        await AssertListsAsync(new JobQuery { Target = "dock@1.0.0" }, jobs.Where(j => j.Target == "dock@1.0.0"));
        await AssertListsAsync(new JobQuery { Target = "dock" }, jobs.Where(j => j.Target.StartsWith("dock@", StringComparison.Ordinal)));
        await AssertListsAsync(new JobQuery { Target = "dock@" }, jobs.Where(j => j.Target.StartsWith("dock@", StringComparison.Ordinal)));
        await AssertListsAsync(new JobQuery { SubmittedBy = Bob }, jobs.Where(j => j.SubmittedBy == Bob));
        await AssertListsAsync(new JobQuery { CreatedFrom = Epoch.AddMinutes(5), CreatedBefore = Epoch.AddMinutes(10) },
            jobs.Where(j => j.CreatedAt >= Epoch.AddMinutes(5) && j.CreatedAt < Epoch.AddMinutes(10)));
        await AssertListsAsync(new JobQuery { SubmittedBy = Ada, Status = JobStatus.Succeeded, CreatedFrom = Epoch.AddMinutes(3) },
            jobs.Where(j => j.SubmittedBy == Ada && j.Status == JobStatus.Succeeded && j.CreatedAt >= Epoch.AddMinutes(3)));
        await AssertListsAsync(new JobQuery { Target = "nothing@9" }, []);
    }

    [Fact]
    public async Task Both_sorts_order_by_creation_then_id()
    {
        var jobs = await SeedAsync();

        await AssertListsAsync(new JobQuery { Sort = JobSort.NewestFirst }, jobs);
        await AssertListsAsync(new JobQuery { Sort = JobSort.OldestFirst }, jobs);
    }

    [Theory]
    [InlineData(JobSort.NewestFirst, null, 3)]
    [InlineData(JobSort.OldestFirst, null, 3)]
    [InlineData(JobSort.NewestFirst, JobStatus.Succeeded, 2)]
    [InlineData(JobSort.OldestFirst, JobStatus.Succeeded, 2)]
    public async Task Pages_cover_the_listing_without_gaps_or_repeats(JobSort sort, JobStatus? status, int limit)
    {
        var jobs = await SeedAsync();
        var query = new JobQuery { Sort = sort, Status = status };

        var seen = new List<JobSummary>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await records.ListAsync(OrgId, query, after, limit, CancellationToken.None);
            Assert.InRange(page.Items.Count, 1, limit);
            seen.AddRange(page.Items);
            after = page.NextCursor;
            pages++;
        }
        while (after is not null);

        var expected = Ordered(jobs.Where(j => status is null || j.Status == status), sort);
        Assert.Equal(expected, seen);
        Assert.Equal((expected.Count + limit - 1) / limit, pages);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("aGVsbG8=")]
    public async Task A_cursor_this_listing_did_not_return_is_a_validation_error(string cursor)
    {
        var list = await Assert.ThrowsAsync<MolDashException>(() => records.ListAsync(OrgId, new JobQuery(), cursor, 10, CancellationToken.None));
        Assert.Equal(ErrorKind.Validation, list.Kind);
    }

    [Fact]
    public async Task A_results_cursor_that_is_not_base64_is_a_validation_error()
    {
        var error = await Assert.ThrowsAsync<MolDashException>(() => records.ResultsAsync(OrgId, Guid.NewGuid(), "%%%", 10, CancellationToken.None));
        Assert.Equal(ErrorKind.Validation, error.Kind);
    }

    [Fact]
    public async Task A_write_with_another_jobs_result_is_refused()
    {
        var job = Job();

        await Assert.ThrowsAsync<ArgumentException>(() => WriteAsync(job, Events(job.JobId, 1, 1), [Result(Guid.NewGuid(), "dock")]));
        Assert.Empty((await ListAsync(new JobQuery())).Items);
    }

    [Fact]
    public async Task Many_jobs_written_at_once_all_land_with_their_events_and_results()
    {
        var jobs = Enumerable.Range(0, 300).Select(i => Job(minute: i)).ToList();

        await Task.WhenAll(jobs.Select(job => WriteAsync(job, Events(job.JobId, 1, 3), [Result(job.JobId, "dock")])));

        var listed = await records.ListAsync(OrgId, new JobQuery(), null, 500, CancellationToken.None);
        Assert.Equal(jobs.Select(job => job.JobId).Order(), listed.Items.Select(job => job.JobId).Order());
        foreach (var job in jobs.Take(20))
        {
            Assert.Equal(3, (await records.EventsAsync(OrgId, job.JobId, 0, 10, CancellationToken.None)).Items.Count);
            Assert.Single((await records.ResultsAsync(OrgId, job.JobId, null, 10, CancellationToken.None)).Items);
        }
    }

    [Fact]
    public async Task A_write_the_database_refuses_fails_alone_among_writes_made_at_the_same_time()
    {
        var jobs = Enumerable.Range(0, 50).Select(i => Job(minute: i)).ToList();
        var refused = jobs[25];

        var writes = jobs.Select(job => WriteAsync(job, Events(job.JobId, 1, 1),
            [Result(job.JobId, "dock", output: job == refused ? "{not json" : """{"score":-7.5}""")])).ToList();

        var error = await Assert.ThrowsAsync<MolDashException>(() => writes[25]);
        Assert.Equal(ErrorKind.Unavailable, error.Kind);
        await Task.WhenAll(writes.Where((_, i) => i != 25));
        var listed = await records.ListAsync(OrgId, new JobQuery(), null, 100, CancellationToken.None);
        Assert.Equal(jobs.Where(job => job != refused).Select(job => job.JobId).Order(), listed.Items.Select(job => job.JobId).Order());
    }

    /// <summary>
    /// Fifteen jobs over two submitters, three kinds, three targets (two versions of dock) and all
    /// statuses; minutes 6 and 7 hold two jobs each so the id breaks the tie (minute 7's straddle a page of 3).
    /// </summary>
    private async Task<IReadOnlyList<JobSummary>> SeedAsync()
    {
        string[] targets = ["dock@1.0.0", "dock@2.0.0", "score@1.0.0"];
        var minutes = new[] { 0, 1, 2, 3, 4, 5, 6, 6, 7, 7, 8, 9, 10, 11, 12 };
        var jobs = minutes.Select((minute, i) => Job(
            minute: minute,
            status: (JobStatus)(i % 5),
            kind: (JobKind)(i % 3),
            target: targets[i % targets.Length],
            submittedBy: i % 2 == 0 ? Ada : Bob)).ToList();
        foreach (var job in jobs)
        {
            await WriteAsync(job, Events(job.JobId, 1, 1), []);
        }

        return jobs;
    }

    private async Task AssertListsAsync(JobQuery query, IEnumerable<JobSummary> expected)
    {
        var page = await records.ListAsync(OrgId, query, null, 100, CancellationToken.None);
        Assert.Equal(Ordered(expected, query.Sort), page.Items);
        Assert.Null(page.NextCursor);
    }

    private static List<JobSummary> Ordered(IEnumerable<JobSummary> jobs, JobSort sort)
    {
        // PostgreSQL compares uuids bytewise, as their text: the same order as ordinal comparison of "D" strings.
        var ascending = jobs.OrderBy(j => j.CreatedAt).ThenBy(j => j.JobId.ToString(), StringComparer.Ordinal);
        return sort == JobSort.OldestFirst ? [.. ascending] : [.. ascending.Reverse()];
    }

    private Task<JobSummaryPage> ListAsync(JobQuery query) => records.ListAsync(OrgId, query, null, 100, CancellationToken.None);

    private Task WriteAsync(JobSummary job, IReadOnlyList<JobEvent> events, IReadOnlyList<NodeResult> results) =>
        records.WriteAsync(OrgId, job, events, results, CancellationToken.None);
}
