using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Jobs;
using MolDash.GrainInterfaces.Organizations;
using MolDash.GrainInterfaces.Tasks;
using MolDash.GrainInterfaces.TaskServices;
using MolDash.Grains.Jobs;
using MolDash.Grains.Tests.Infrastructure;
using MolDash.Grains.Tests.Registry;
using Orleans.Core.Internal;
using Orleans.TestingHost;

namespace MolDash.Grains.Tests.Jobs;

[Collection(ClusterTestGroup.Name)]
public sealed class JobGrainTests(ClusterFixture fixture)
{
    private const string Input = """{ "type": "object", "required": ["text"], "properties": { "text": { "type": "string" }, "n": { "type": "integer", "minimum": 0 } } }""";

    private readonly TestCluster cluster = fixture.Cluster;

    [Fact]
    public async Task A_one_node_job_runs_to_success_with_its_timeline_and_result_recorded()
    {
        await using var service = await FakeTaskService.StartAsync();
        var org = await OrgWithTaskAsync(service);
        Callers.ActAs(Callers.AdminOf(org));
        var job = Job(org);

        var created = await job.SubmitAsync(OneTask("""{ "text": "hello" }"""));
        var done = await FinishedAsync(job);

        Assert.Equal(JobStatus.Running, created.Status);
        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(new JobProgress(1, 1, 0, 0), done.Progress);
        var node = Assert.Single(done.Nodes);
        Assert.Equal((NodeStatus.Succeeded, 1), (node.Status, node.Attempts));
        Assert.Equal(service.Address.ToString(), node.Instance);

        var timeline = (await job.GetEventsAsync(0, 100)).Items;
        Assert.Equal(
            [JobEventKinds.Created, JobEventKinds.Queued, JobEventKinds.Started, JobEventKinds.NodeSucceeded, JobEventKinds.Succeeded],
            timeline.Select(entry => entry.Kind));
        Assert.Equal(Enumerable.Range(1, timeline.Count).Select(seq => (long)seq), timeline.Select(entry => entry.Seq));
        Assert.Equal(JobStatus.Succeeded, timeline[^1].JobStatus);

        var log = await job.GetLogAsync();
        Assert.Equal(timeline.Count, log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("#5 succeeded", log, StringComparison.Ordinal);
        // Kept as its byte range of the org's shared log blob.
        var kept = LogLocation.Parse(done.LogsUri!);
        Assert.StartsWith("jobs/logs/", kept.Blob, StringComparison.Ordinal);
        await using var range = await ClusterFixture.Blobs.OpenReadRangeAsync(
            Grains.Organizations.OrgResourceNames.BlobContainer(org), kept.Blob, kept.Offset, kept.Length!.Value, CancellationToken.None);
        Assert.Equal(log, await new StreamReader(range!).ReadToEndAsync());
        // The location is recorded with the job's row, after its final state write: a new activation finds it there.
        await job.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        Assert.Equal(done.LogsUri, (await job.GetAsync()).LogsUri);
        Assert.Equal(log, await job.GetLogAsync());

        var result = Assert.Single((await job.GetResultsAsync(null, 10)).Items);
        Assert.Equal("""{ "echo": { "text": "hello" } }""", result.Output?.Json);
        Assert.Equal(1.0, result.Confidence);
        Assert.Equal(node.Id, result.NodeId);
    }

    [Fact]
    public async Task An_output_is_bound_into_the_next_nodes_parameters_and_the_run_id_is_its_idempotency_key()
    {
        await using var service = await FakeTaskService.StartAsync();
        var org = await OrgWithTaskAsync(service);
        Callers.ActAs(Callers.AdminOf(org));
        var job = Job(org);

        await job.SubmitAsync(new JobSubmission
        {
            Kind = JobKind.Pipeline,
            Target = "chain@1.0.0",
            Nodes =
            [
                Node("first", """{ "text": "from-first" }"""),
                Node("second", """{ "n": 2 }""") with { Inputs = [new NodeInput("first", "/echo/text", "/text")] },
            ],
        });
        var done = await FinishedAsync(job);

        Assert.Equal(JobStatus.Succeeded, done.Status);
        var second = (await job.GetResultsAsync(null, 10)).Items.Single(result => result.NodeId == "second");
        Assert.Equal("""{ "echo": {"n":2,"text":"from-first"} }""", second.Output?.Json);
        Assert.Equal(2, service.Calls.Count);
        Assert.Equal(done.Nodes.Count, service.Calls.Select(call => call.IdempotencyKey).Distinct().Count());
    }

    [Fact]
    public async Task A_failing_node_fails_the_job_with_the_reason_after_its_retries_and_skips_what_follows()
    {
        await using var service = await FakeTaskService.StartAsync();
        service.Mode = FakeTaskService.Behaviour.ServerError;
        var org = await OrgWithTaskAsync(service);
        Callers.ActAs(Callers.AdminOf(org));
        var job = Job(org);

        await job.SubmitAsync(new JobSubmission
        {
            Kind = JobKind.Pipeline,
            Target = "chain@1.0.0",
            Nodes = [Node("first", """{ "text": "x" }"""), Node("second", "{}") with { Inputs = [new NodeInput("first", "/echo/text", "/text")] }],
        });
        var done = await FinishedAsync(job);

        Assert.Equal(JobStatus.Failed, done.Status);
        Assert.Contains("node 'first'", done.Error, StringComparison.Ordinal);
        Assert.Contains("500", done.Error, StringComparison.Ordinal);
        Assert.Equal(NodeStatus.Skipped, done.Nodes.Single(node => node.Id == "second").Status);
        Assert.Equal(2, done.Nodes.Single(node => node.Id == "first").Attempts);
        var kinds = (await job.GetEventsAsync(0, 100)).Items.Select(entry => entry.Kind).ToList();
        Assert.Contains(JobEventKinds.AttemptFailed, kinds);
        Assert.Equal([JobEventKinds.NodeFailed, JobEventKinds.Failed], kinds.TakeLast(2));
    }

    [Fact]
    public async Task A_batch_runs_every_item_within_the_parallel_limit_and_counts_failures_without_stopping()
    {
        await using var service = await FakeTaskService.StartAsync();
        service.Mode = FakeTaskService.Behaviour.Slow;
        var org = await OrgWithTaskAsync(service, maxAttempts: 1);
        Callers.ActAs(Callers.AdminOf(org));
        var job = Job(org);
        var items = Enumerable.Range(0, 7).Select(i => Node($"item-{i:D4}", $$"""{ "text": "ligand {{i}}" }""") with { ContinueOnFailure = true }).ToList();

        await job.SubmitAsync(new JobSubmission { Kind = JobKind.Batch, Target = "echo@1.0.0", Nodes = items });
        var done = await FinishedAsync(job);

        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(new JobProgress(7, 7, 0, 0), done.Progress);
        Assert.True(service.MaxConcurrent <= 2, "never more runs at once than the instance's limit");
        Assert.Equal(7, (await job.GetResultsAsync(null, 50)).Items.Count);
    }

    [Fact]
    public async Task Parameters_are_checked_before_anything_runs_and_errors_point_at_the_item()
    {
        await using var service = await FakeTaskService.StartAsync();
        var org = await OrgWithTaskAsync(service);
        Callers.ActAs(Callers.AdminOf(org));

        var batch = await Assert.ThrowsAsync<MolDashException>(() => Job(org).SubmitAsync(new JobSubmission
        {
            Kind = JobKind.Batch,
            Target = "echo@1.0.0",
            Nodes = [Node("a", """{ "text": "ok" }"""), Node("b", """{ "text": 5 }"""), Node("c", """{ "n": -1 }""")],
        }));
        var single = await Assert.ThrowsAsync<MolDashException>(() => Job(org).SubmitAsync(OneTask("""{ "n": "three" }""")));

        Assert.Equal(ErrorKind.Validation, batch.Kind);
        Assert.Contains(batch.Errors, error => error.Pointer == "/items/1/text");
        Assert.Contains(batch.Errors, error => error.Pointer.StartsWith("/items/2", StringComparison.Ordinal));
        Assert.DoesNotContain(batch.Errors, error => error.Pointer.StartsWith("/items/0", StringComparison.Ordinal));
        Assert.Contains(single.Errors, error => error.Pointer == "/n");
        Assert.Empty(service.Calls);
    }

    [Fact]
    public async Task A_graph_with_a_cycle_a_draft_or_an_unknown_task_is_refused_with_the_reason()
    {
        await using var service = await FakeTaskService.StartAsync();
        var org = await OrgWithTaskAsync(service);
        Callers.ActAs(Callers.AdminOf(org));
        var draftKey = TaskDefinitionKey.Format(org, "unpublished", "1.0.0");
        await cluster.Client.GetGrain<ITaskDefinitionGrain>(draftKey).CreateAsync(Draft(3));

        var cycle = await Assert.ThrowsAsync<MolDashException>(() => Job(org).SubmitAsync(new JobSubmission
        {
            Kind = JobKind.Pipeline,
            Target = "loop@1.0.0",
            Nodes =
            [
                Node("a", "{}") with { Inputs = [new NodeInput("b", "", "/text")] },
                Node("b", "{}") with { Inputs = [new NodeInput("a", "", "/text")] },
            ],
        }));
        var draft = await Assert.ThrowsAsync<MolDashException>(() => Job(org).SubmitAsync(OneTask("""{ "text": "x" }""") with
        {
            Nodes = [Node("only", """{ "text": "x" }""") with { TaskName = "unpublished" }],
        }));
        var unknown = await Assert.ThrowsAsync<MolDashException>(() => Job(org).SubmitAsync(OneTask("""{ "text": "x" }""") with
        {
            Nodes = [Node("only", """{ "text": "x" }""") with { TaskName = "no-such-task" }],
        }));

        Assert.Contains("a → b → a", Assert.Single(cycle.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(ErrorKind.Conflict, draft.Kind);
        Assert.Equal(ErrorKind.NotFound, unknown.Kind);
        Assert.Contains("no-such-task", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_stops_the_running_node_and_late_reports_change_nothing()
    {
        await using var service = await FakeTaskService.StartAsync();
        service.Mode = FakeTaskService.Behaviour.Hang;
        var org = await OrgWithTaskAsync(service);
        Callers.ActAs(Callers.AdminOf(org));
        var job = Job(org);
        await job.SubmitAsync(OneTask("""{ "text": "slow" }"""));
        await Eventually.HoldsAsync(async () => (await job.GetAsync()).Nodes[0].Status == NodeStatus.Running);

        var cancelled = await job.CancelAsync();
        await Eventually.HoldsAsync(async () => (await cluster.Client.GetGrain<ITaskServiceGrain>(TaskKey(org)).GetStatusAsync()).Instances[0].Outstanding == 0);
        var after = await job.GetAsync();

        Assert.Equal(JobStatus.Cancelled, cancelled.Status);
        Assert.Equal(NodeStatus.Cancelled, after.Nodes[0].Status);
        Assert.Equal(cancelled.LastEventSeq, after.LastEventSeq);
        Assert.Equal(JobEventKinds.Cancelled, (await job.GetEventsAsync(0, 100)).Items[^1].Kind);
    }

    [Fact]
    public async Task A_run_that_outlasts_the_progress_delay_is_recorded_as_started_while_it_runs()
    {
        await using var service = await FakeTaskService.StartAsync();
        service.Mode = FakeTaskService.Behaviour.Hang;
        var org = await OrgWithTaskAsync(service);
        Callers.ActAs(Callers.AdminOf(org));
        var job = Job(org);
        var submitted = await job.SubmitAsync(OneTask("""{ "text": "slow" }"""));

        // Read from the records, not through the grain (which would record what it holds first): the start
        // arrives there by the job's own delayed write while the run still hangs.
        await Eventually.HoldsAsync(async () => (await ClusterFixture.JobRecords.EventsAsync(org, submitted.JobId, 0, 100, CancellationToken.None))
            .Items.Any(entry => entry.Kind == JobEventKinds.Started));
        Assert.Equal(JobStatus.Running, (await job.GetAsync()).Status);
        await job.CancelAsync();
    }

    [Fact]
    public async Task Submitting_the_same_job_again_returns_it_without_running_it_twice()
    {
        await using var service = await FakeTaskService.StartAsync();
        var org = await OrgWithTaskAsync(service);
        Callers.ActAs(Callers.AdminOf(org));
        var job = Job(org);

        var first = await job.SubmitAsync(OneTask("""{ "text": "once" }"""));
        var again = await job.SubmitAsync(OneTask("""{ "text": "once" }"""));
        await FinishedAsync(job);

        Assert.Equal(first.CreatedAt, again.CreatedAt);
        Assert.Single(service.Calls);
    }

    [Fact]
    public async Task The_org_concurrent_job_quota_refuses_a_job_with_the_quota_named_until_one_finishes()
    {
        await using var service = await FakeTaskService.StartAsync();
        service.Mode = FakeTaskService.Behaviour.Hang;
        var org = await OrgWithTaskAsync(service);
        Callers.ActAs(Callers.AdminOf(org));
        var member = Callers.AdminOf(org);
        Callers.ActAs(Callers.Root());
        var quotas = OrganizationQuotas.Default with { MaxConcurrentJobs = 1 };
        await cluster.Client.GetGrain<IOrganizationGrain>(org).SetQuotasAsync(quotas);
        Callers.ActAs(member);
        var running = Job(org);
        await running.SubmitAsync(OneTask("""{ "text": "a" }"""));

        var refused = await Assert.ThrowsAsync<MolDashException>(() => Job(org).SubmitAsync(OneTask("""{ "text": "b" }""")));
        await running.CancelAsync();
        var admitted = await Job(org).SubmitAsync(OneTask("""{ "text": "c" }"""));

        Assert.Equal(ErrorKind.TooManyRequests, refused.Kind);
        Assert.Contains("MaxConcurrentJobs", refused.Message, StringComparison.Ordinal);
        Assert.NotNull(refused.RetryAfter);
        Assert.NotEqual(JobStatus.Failed, admitted.Status);
        await Job(org, admitted.JobId).CancelAsync();
    }

    [Fact]
    public async Task Another_orgs_member_is_told_the_job_does_not_exist()
    {
        await using var service = await FakeTaskService.StartAsync();
        var org = await OrgWithTaskAsync(service);
        Callers.ActAs(Callers.AdminOf(org));
        var job = Job(org);
        await job.SubmitAsync(OneTask("""{ "text": "private" }"""));

        Callers.ActAs(Callers.AdminOf(Guid.NewGuid()));
        var foreign = await Assert.ThrowsAsync<MolDashException>(job.GetAsync);
        var cancel = await Assert.ThrowsAsync<MolDashException>(job.CancelAsync);

        Assert.Equal(ErrorKind.NotFound, foreign.Kind);
        Assert.Equal(ErrorKind.NotFound, cancel.Kind);
    }

    private static JobSubmission OneTask(string parameters) => new()
    {
        Kind = JobKind.Task,
        Target = "echo@1.0.0",
        Nodes = [Node("echo", parameters)],
    };

    private static JobNode Node(string id, string parameters) => new()
    {
        Id = id,
        TaskName = "echo",
        TaskVersion = "1.0.0",
        ParametersJson = parameters,
    };

    private IJobGrain Job(Guid org, Guid? id = null) => cluster.Client.GetGrain<IJobGrain>(JobKey.Format(org, id ?? Guid.NewGuid()));

    private static string TaskKey(Guid org) => TaskDefinitionKey.Format(org, "echo", "1.0.0");

    /// <summary>A new org with a published, deterministic echo task served by <paramref name="service"/> (the RequestContext set here does not flow back: callers act as its Admin next).</summary>
    [Fact]
    public async Task A_member_runs_only_the_tasks_their_permissions_name_and_nothing_without_job_create()
    {
        await using var service = await FakeTaskService.StartAsync();
        var org = await OrgWithTaskAsync(service);
        string[] narrowed = [MolDashPermissions.TaskExecute];

        Callers.ActAs(Callers.Member(org, MolDashRoles.Standard, ["task.execute:other-task"], narrowed));
        var otherTask = await Assert.ThrowsAsync<MolDashException>(() => Job(org).SubmitAsync(OneTask("""{ "text": "x" }""")));
        Callers.ActAs(Callers.Member(org, MolDashRoles.Standard, withheld: [MolDashPermissions.JobCreate]));
        var noJobs = await Assert.ThrowsAsync<MolDashException>(() => Job(org).SubmitAsync(OneTask("""{ "text": "x" }""")));
        Callers.ActAs(Callers.Member(org, MolDashRoles.Standard, ["task.execute:category/general"], narrowed));
        var byCategory = await Job(org).SubmitAsync(OneTask("""{ "text": "x" }"""));
        Callers.ActAs(Callers.Member(org, MolDashRoles.Standard, ["task.execute:echo"], narrowed));
        var byName = await Job(org).SubmitAsync(OneTask("""{ "text": "x" }"""));

        Assert.Equal((ErrorKind.Forbidden, ErrorKind.Forbidden), (otherTask.Kind, noJobs.Kind));
        Assert.Contains("task echo (category general)", otherTask.Message, StringComparison.Ordinal);
        Assert.Contains(MolDashPermissions.JobCreate, noJobs.Message, StringComparison.Ordinal);
        Assert.NotEqual(JobStatus.Failed, byCategory.Status);
        Assert.NotEqual(JobStatus.Failed, byName.Status);
    }

    private async Task<Guid> OrgWithTaskAsync(FakeTaskService service, int maxAttempts = 2)
    {
        Callers.ActAs(Callers.Root());
        var org = Guid.NewGuid();
        await cluster.Client.GetGrain<IOrganizationGrain>(org).CreateAsync($"Jobs {org}");
        Callers.ActAs(Callers.AdminOf(org));
        var definition = cluster.Client.GetGrain<ITaskDefinitionGrain>(TaskKey(org));
        await definition.CreateAsync(Draft(maxAttempts));
        await definition.PublishAsync();
        await cluster.Client.GetGrain<ITaskServiceGrain>(TaskKey(org)).RegisterInstanceAsync(service.Address.ToString());
        return org;
    }

    private static TaskDefinitionDraft Draft(int maxAttempts) => new()
    {
        Document = TaskDocuments.WithInput(Input),
        Deployment = new TaskDeployment { Image = "example/echo:1", TimeoutSeconds = 30, MaxAttempts = maxAttempts, Deterministic = true },
    };

    private static async Task<JobView> FinishedAsync(IJobGrain job)
    {
        await Eventually.HoldsAsync(async () => (await job.GetAsync()).Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled);
        return await job.GetAsync();
    }
}
