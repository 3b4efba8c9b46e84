using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Text.Json.Nodes;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Artifacts;
using MolDash.GrainInterfaces.Cache;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Jobs;
using MolDash.GrainInterfaces.Pipelines;
using MolDash.GrainInterfaces.TaskServices;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Access;
using MolDash.Grains.Persistence;
using MolDash.Grains.TaskServices;

namespace MolDash.Grains.Jobs;

/// <summary>
/// Walks one job's graph. Every transition is written to the grain state before anything acts on it (a cancel,
/// a reply, the feed), except a dispatch, which goes out with the write: its run id is derived from the job and the
/// node (<see cref="RunIds"/>), so a dispatch whose write was lost is repeated with the same id, never doubled.
/// The results database and the live feed follow from the state. Runs
/// report back by callback, so no turn waits on a task service. The org's watchdog (a shard of it) checks
/// every unfinished job on a reminder: after a silo dies it reactivates the job, which dispatches again
/// every run it has not heard the end of (same run ids, so services answer repeats from their idempotency store).
/// </summary>
[GrainType("moldash-job")]
public sealed class JobGrain(
    [PersistentState("job", GrainStorageNames.Default)] IPersistentState<JobState> state,
    IJobRecords records,
    JobLog log,
    IOptions<JobOptions> options,
    TimeProvider time,
    ILogger<JobGrain> logger) : Grain, IJobGrain, IWatchedJob, IOrgOwned
{
    private const int MaxEventPage = 500;
    private const int MaxResultPage = 200;

    private readonly JobOptions settings = options.Value;
    private readonly List<JobEvent> unpublished = [];

    // This activation's events in order, so a job that lives its life in one activation writes its log without reading it back.
    private readonly List<JobEvent> timeline = [];
    private readonly List<NodeState> toDispatch = [];
    private readonly List<NodeState> toCancel = [];
    private DelayedWrite? progressWrite;

    // The log location the job's row in the results database holds, as far as this activation knows.
    private string? recordedLogsUri;

    private JobState Job => state.State;

    private Guid JobId => JobKey.Parse(this.GetPrimaryKeyString()).JobId;

    public Guid OwnerOrgId => JobKey.Parse(this.GetPrimaryKeyString()).OrgId;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A finished job's log is kept after its final state write, and its location recorded only with its row.
        if (Job.IsFinished && Job.LogBlob is null)
        {
            try
            {
                Job.LogBlob = (await records.FindAsync(OwnerOrgId, JobId, cancellationToken))?.LogsUri;
            }
            catch (MolDashException e) when (e.Kind == ErrorKind.Unavailable)
            {
                logger.LogWarning(e, "Job {JobId}: where its log is kept cannot be read yet", JobId);
            }
        }

        recordedLogsUri = Job.LogBlob;
        await base.OnActivateAsync(cancellationToken);
    }

    public async Task<JobView> SubmitAsync(JobSubmission submission)
    {
        PermissionGuard.Require(MolDashPermissions.JobCreate, "run tasks and pipelines");
        if (Job.Exists)
        {
            // A repeated submission (same Idempotency-Key) may follow one whose watch failed after its write.
            if (!Job.IsFinished)
            {
                await Watchdog.WatchAsync(JobId);
            }

            return View();
        }

        var errors = JobGraphRules.Check(submission.Nodes, settings.MaxNodes);
        errors.AddRange(submission.Nodes.Select((node, i) => (node, i))
            .Where(pair => !ParameterBinder.IsObject(pair.node.ParametersJson))
            .Select(pair => new FieldError(ParameterPointer(submission, pair.i, pair.node), "The parameters must be a JSON object.")));
        if (errors.Count > 0)
        {
            throw MolDashException.Invalid("The job cannot run as submitted; each error points at what to fix.", errors);
        }

        if (submission.TaskOrgId is { } taskOrg && taskOrg != OwnerOrgId)
        {
            await RequireSharedPipelineAsync(submission, taskOrg);
        }

        var deterministic = await PlanAsync(submission);
        await GrainFactory.GetGrain<IOrgJobSlotsGrain>(OwnerOrgId).AcquireAsync(JobId);
        try
        {
            await AcceptAsync(submission, deterministic);
        }
        catch
        {
            // Not known to be stored (the database or the watchdog failed): this activation must not answer a retry
            // with the same Idempotency-Key as if the job existed. The next call reads what storage holds.
            DeactivateOnIdle();
            throw;
        }

        JobMetrics.Submitted.Add(1);
        JobMetrics.Active.Add(1);
        return View();
    }

    private async Task AcceptAsync(JobSubmission submission, Dictionary<string, bool> deterministic)
    {
        var caller = CallerContext.Current!;
        Job.Kind = submission.Kind;
        Job.Target = submission.Target;
        Job.Priority = submission.Priority;
        Job.Signature = submission.Signature;
        Job.TaskOrgId = submission.TaskOrgId == OwnerOrgId ? null : submission.TaskOrgId;
        Job.SubmittedBy = caller.UserId;
        Job.CreatedAt = time.GetUtcNow();
        Job.Status = JobStatus.Pending;
        Job.DeterministicTasks = deterministic;
        Job.Nodes = [.. submission.Nodes.Select(node => new NodeState { Node = node })];
        AddEvent(JobEventKinds.Created, null, null, $"{submission.Kind} job created: {submission.Target}, {submission.Nodes.Count} node(s), priority {submission.Priority}");

        ScheduleReadyNodes();
        await CommitAsync(Watchdog.WatchAsync(JobId));
    }

    public Task<JobView> GetAsync() => Task.FromResult(RequireExisting().View());

    public async Task<JobView> CancelAsync()
    {
        RequireExisting();
        if (Job.IsFinished)
        {
            return View();
        }

        foreach (var node in Job.Nodes.Where(node => !node.IsFinished))
        {
            if (node.IsActive)
            {
                toCancel.Add(node);
            }

            node.Status = node.IsActive ? NodeStatus.Cancelled : NodeStatus.Skipped;
            node.FinishedAt = time.GetUtcNow();
        }

        Finish(JobStatus.Cancelled, "cancelled by " + (CallerContext.Current?.UserId.ToString() ?? "the platform"));
        AddEvent(JobEventKinds.Cancelled, null, null, "job cancelled");
        await CommitAsync();
        return View();
    }

    public async Task<JobEventPage> GetEventsAsync(long afterSeq, int limit)
    {
        RequireExisting();
        PageSize.Validate(limit, MaxEventPage);
        await RecordAsync();
        return await records.EventsAsync(OwnerOrgId, JobId, afterSeq, limit, CancellationToken.None);
    }

    public async Task<string> GetLogAsync()
    {
        RequireExisting();
        await RecordAsync();
        return await log.ReadAsync(OwnerOrgId, JobId, Job.LogBlob, CancellationToken.None);
    }

    public async Task<NodeResultPage> GetResultsAsync(string? after, int limit)
    {
        RequireExisting();
        PageSize.Validate(limit, MaxResultPage);
        await RecordAsync();
        return await records.ResultsAsync(OwnerOrgId, JobId, after, limit, CancellationToken.None);
    }

    public Task OnRunStartedAsync(string nodeId, Guid runId, int attempt, string instance)
    {
        if (CurrentRun(nodeId, runId) is not { } node)
        {
            return Task.CompletedTask;
        }

        node.Status = NodeStatus.Running;
        node.Attempts = attempt;
        node.Instance = instance;
        if (node.StartedAt is null)
        {
            node.StartedAt = time.GetUtcNow();
            JobMetrics.QueueWait.Record((node.StartedAt - node.QueuedAt)?.TotalSeconds ?? 0);
        }
        AddEvent(JobEventKinds.Started, node, NodeStatus.Running, $"attempt {attempt} started on {instance}");
        WriteProgressSoon();
        return Task.CompletedTask;
    }

    public Task OnRunAttemptFailedAsync(string nodeId, Guid runId, int attempt, string reason)
    {
        if (CurrentRun(nodeId, runId) is not { } node)
        {
            return Task.CompletedTask;
        }

        node.Attempts = attempt;
        AddEvent(JobEventKinds.AttemptFailed, node, node.Status, $"attempt {attempt} failed: {reason}; trying again");
        WriteProgressSoon();
        return Task.CompletedTask;
    }

    public async Task OnRunFinishedAsync(string nodeId, Guid runId, TaskRunResult result)
    {
        if (CurrentRun(nodeId, runId) is not { } node)
        {
            return;
        }

        node.Attempts = Math.Max(node.Attempts, result.Attempts);
        node.Instance = result.Instance ?? node.Instance;
        node.FinishedAt = time.GetUtcNow();
        JobMetrics.RunTime.Record((node.FinishedAt - (node.StartedAt ?? node.QueuedAt))?.TotalSeconds ?? 0,
            new KeyValuePair<string, object?>("task", $"{node.Node.TaskName}@{node.Node.TaskVersion}"),
            new KeyValuePair<string, object?>("outcome", result.Succeeded ? "succeeded" : "failed"));
        if (result.Succeeded)
        {
            Succeed(node, result.OutputJson!, result.Artifacts ?? []);
        }
        else
        {
            Fail(node, result.Error ?? "the run failed without a reason");
        }

        ScheduleReadyNodes();
        CompleteIfDone();
        await CommitAsync();
    }

    public async Task<bool> CheckAsync()
    {
        // No person is behind a watchdog check: the platform acts in the job's org.
        CallerContext.Set(Caller.PlatformIn(OwnerOrgId));
        if (!Job.Exists)
        {
            return true;
        }

        if (!Job.IsFinished)
        {
            await GrainFactory.GetGrain<IOrgJobSlotsGrain>(OwnerOrgId).HoldAsync(JobId);
            toDispatch.AddRange(Job.Nodes.Where(node => node.IsActive));
        }

        await CommitAsync();
        return IsSettled;
    }

    /// <summary>
    /// Another org's task versions run only for a pipeline version of that org which the submitter can see
    /// (a public one) and which uses every one of them; otherwise the submission is told they do not exist.
    /// </summary>
    private async Task RequireSharedPipelineAsync(JobSubmission submission, Guid taskOrg)
    {
        var at = submission.Target.IndexOf('@', StringComparison.Ordinal);
        if (submission.Kind != JobKind.Pipeline || at <= 0)
        {
            throw MolDashException.NotFound("The task version");
        }

        var version = await GrainFactory.GetGrain<IPipelineGrain>(PipelineKey.Format(taskOrg, submission.Target[..at])).GetVersionAsync(submission.Target[(at + 1)..]);
        var shared = version.Graph.Nodes.Select(node => (node.TaskName, node.TaskVersion)).ToHashSet();
        if (!submission.Nodes.All(node => shared.Contains((node.TaskName, node.TaskVersion))))
        {
            throw MolDashException.NotFound("The task version");
        }
    }

    /// <summary>Checks every task version the graph uses (it exists, may run, its parameter sets fit) and notes which are deterministic.</summary>
    private async Task<Dictionary<string, bool>> PlanAsync(JobSubmission submission)
    {
        var deterministic = new Dictionary<string, bool>(StringComparer.Ordinal);
        var categories = new List<(string Name, string Category)>();
        var errors = new List<FieldError>();
        foreach (var task in submission.Nodes.Select((node, i) => (node, i)).GroupBy(pair => (pair.node.TaskName, pair.node.TaskVersion)))
        {
            var taskOrg = submission.TaskOrgId ?? OwnerOrgId;
            var definition = GrainFactory.GetGrain<ITaskDefinitionGrain>(TaskDefinitionKey.Format(taskOrg, task.Key.TaskName, task.Key.TaskVersion));
            TaskRunPlan plan;
            try
            {
                IReadOnlyList<string?> parameterSets = [.. task.Select(pair => pair.node.Inputs.Count == 0 ? pair.node.ParametersJson : null)];
                plan = taskOrg == OwnerOrgId
                    ? await definition.PlanRunAsync(parameterSets)
                    : await PlatformCalls.InOrgAsync(taskOrg, () => definition.PlanRunAsync(parameterSets));
            }
            catch (MolDashException e) when (e.Kind == ErrorKind.NotFound)
            {
                throw MolDashException.NotFound($"Task {task.Key.TaskName} {task.Key.TaskVersion}");
            }

            RequireRunnable(submission.Kind, task.Key.TaskName, task.Key.TaskVersion, plan);
            categories.Add((task.Key.TaskName, plan.Category));
            deterministic[$"{task.Key.TaskName}@{task.Key.TaskVersion}"] = plan.Deterministic;
            foreach (var (pair, fieldErrors) in task.Zip(plan.Errors))
            {
                var prefix = ParameterPointer(submission, pair.i, pair.node);
                errors.AddRange(fieldErrors.Select(error => error with { Pointer = prefix + error.Pointer }));
            }
        }

        // Before any parameter error: a caller who may not run a task learns nothing of its input.
        PermissionGuard.RequireRun(categories);
        errors.AddRange(await MissingArtifactsAsync(submission));
        return errors.Count > 0
            ? throw MolDashException.Invalid("The parameters do not fit the task's input; each error names the field.", errors)
            : deterministic;
    }

    /// <summary>Parameters that name an artifact ("artifact:{id}") must name one of this org's.</summary>
    private async Task<List<FieldError>> MissingArtifactsAsync(JobSubmission submission)
    {
        var artifacts = GrainFactory.GetGrain<IArtifactsGrain>(OwnerOrgId);
        var known = new Dictionary<Guid, bool>();
        var errors = new List<FieldError>();
        for (var i = 0; i < submission.Nodes.Count; i++)
        {
            foreach (var (pointer, id) in ArtifactReferences.Find(JsonNode.Parse(submission.Nodes[i].ParametersJson)))
            {
                if (!known.TryGetValue(id, out var exists))
                {
                    exists = known[id] = await ExistsAsync(artifacts, id);
                }

                if (!exists)
                {
                    errors.Add(new FieldError(ParameterPointer(submission, i, submission.Nodes[i]) + pointer, $"The artifact {id} does not exist in this organization."));
                }
            }
        }

        return errors;
    }

    private static async Task<bool> ExistsAsync(IArtifactsGrain artifacts, Guid id)
    {
        try
        {
            await artifacts.GetAsync(id);
            return true;
        }
        catch (MolDashException e) when (e.Kind == ErrorKind.NotFound)
        {
            return false;
        }
    }

    private static void RequireRunnable(JobKind kind, string name, string version, TaskRunPlan plan)
    {
        if (plan.Status == TaskDefinitionStatus.Draft)
        {
            throw new MolDashException(ErrorKind.Conflict, $"Task {name} {version} is a draft; publish it before running it.");
        }

        // A pipeline version that pinned a task before it was deprecated keeps working.
        if (plan.Status == TaskDefinitionStatus.Deprecated && kind != JobKind.Pipeline)
        {
            throw new MolDashException(ErrorKind.Conflict, $"Task {name} {version} is deprecated ({plan.DeprecationReason}); run a newer version.");
        }
    }

    /// <summary>Where a node's parameter errors point in what the user submitted.</summary>
    private static string ParameterPointer(JobSubmission submission, int index, JobNode node) => submission.Kind switch
    {
        JobKind.Task => "",
        JobKind.Batch => $"/items/{index}",
        _ => $"/nodes/{node.Id}",
    };

    private void Succeed(NodeState node, string outputJson, IReadOnlyList<OutputArtifact> artifacts)
    {
        node.Status = NodeStatus.Succeeded;
        node.OutputJson = HasDependents(node) ? outputJson : null;
        var deterministic = Job.DeterministicTasks.GetValueOrDefault($"{node.Node.TaskName}@{node.Node.TaskVersion}");
        var confidence = NodeConfidence.Of(outputJson, deterministic);
        Job.Confidence = confidence is { } known && Job.Confidence is { } lowest ? Math.Min(known, lowest) : null;
        Job.UnrecordedResults.Add(Result(node, new JsonText(outputJson), confidence) with { Artifacts = artifacts });
        var took = node.FinishedAt - (node.StartedAt ?? node.QueuedAt);
        AddEvent(JobEventKinds.NodeSucceeded, node, NodeStatus.Succeeded,
            $"succeeded on attempt {node.Attempts} in {took?.TotalSeconds:0.###} s on {node.Instance}");
    }

    private void Fail(NodeState node, string error)
    {
        node.Status = NodeStatus.Failed;
        node.Error = error;
        Job.UnrecordedResults.Add(Result(node, null, null));
        AddEvent(JobEventKinds.NodeFailed, node, NodeStatus.Failed, $"failed after {node.Attempts} attempt(s): {error}");
        if (node.Node.ContinueOnFailure)
        {
            SkipDependentsOf(node);
            return;
        }

        foreach (var other in Job.Nodes.Where(other => !other.IsFinished))
        {
            if (other.IsActive)
            {
                toCancel.Add(other);
            }

            other.Status = other.IsActive ? NodeStatus.Cancelled : NodeStatus.Skipped;
            other.FinishedAt = time.GetUtcNow();
        }

        Finish(JobStatus.Failed, $"node '{node.Node.Id}' ({node.Node.TaskName} {node.Node.TaskVersion}) failed: {error}");
        AddEvent(JobEventKinds.Failed, null, null, "job failed: " + Job.Error);
    }

    private void SkipDependentsOf(NodeState failed)
    {
        var skipped = new HashSet<string>(StringComparer.Ordinal) { failed.Node.Id };
        bool more;
        do
        {
            more = false;
            foreach (var node in Job.Nodes.Where(node => node.Status == NodeStatus.Pending && node.Node.Inputs.Any(input => skipped.Contains(input.FromNode))))
            {
                node.Status = NodeStatus.Skipped;
                node.FinishedAt = time.GetUtcNow();
                skipped.Add(node.Node.Id);
                AddEvent(JobEventKinds.NodeSkipped, node, NodeStatus.Skipped, $"skipped: it needs the output of '{failed.Node.Id}', which failed");
                more = true;
            }
        }
        while (more);
    }

    /// <summary>Queues the nodes whose inputs are all there, up to the job's parallelism; they are dispatched after the next write.</summary>
    private void ScheduleReadyNodes()
    {
        if (Job.IsFinished)
        {
            return;
        }

        var free = settings.MaxParallelNodes - Job.Nodes.Count(node => node.IsActive);
        var succeeded = Job.Nodes.Where(node => node.Status == NodeStatus.Succeeded).Select(node => node.Node.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var node in Job.Nodes.Where(node => node.Status == NodeStatus.Pending && node.Node.Inputs.All(input => succeeded.Contains(input.FromNode))))
        {
            if (free-- <= 0)
            {
                break;
            }

            node.Status = NodeStatus.Queued;
            node.RunId = RunIds.For(JobId, node.Node.Id);
            node.QueuedAt = time.GetUtcNow();
            toDispatch.Add(node);
            AddEvent(JobEventKinds.Queued, node, NodeStatus.Queued, $"queued at {node.Node.TaskName} {node.Node.TaskVersion} (run {node.RunId})");
        }

        if (Job.Status == JobStatus.Pending && toDispatch.Count > 0)
        {
            Job.Status = JobStatus.Running;
            Job.StartedAt = time.GetUtcNow();
        }
    }

    /// <summary>
    /// Ends the job when nothing is left to run: failed only if nothing succeeded, otherwise succeeded
    /// with the count of nodes that failed (a batch with a few bad ligands still delivers the rest).
    /// </summary>
    private void CompleteIfDone()
    {
        if (Job.IsFinished || !Job.Nodes.TrueForAll(node => node.IsFinished))
        {
            return;
        }

        var failed = Job.Nodes.Count(node => node.Status != NodeStatus.Succeeded);
        if (failed == Job.Nodes.Count)
        {
            Finish(JobStatus.Failed, Job.Nodes.Count == 1 ? Job.Nodes[0].Error : $"all {failed} nodes failed; first error: {Job.Nodes.First(node => node.Error is not null).Error}");
            AddEvent(JobEventKinds.Failed, null, null, "job failed: " + Job.Error);
            return;
        }

        Finish(JobStatus.Succeeded, failed == 0 ? null : $"{failed} of {Job.Nodes.Count} nodes did not succeed");
        AddEvent(JobEventKinds.Succeeded, null, null, failed == 0 ? "job succeeded" : "job succeeded; " + Job.Error);
    }

    private void Finish(JobStatus status, string? error)
    {
        JobMetrics.Finished.Add(1, new KeyValuePair<string, object?>("status", status.ToString()));
        JobMetrics.Active.Add(-1);
        Job.Status = status;
        Job.Error = error;
        Job.FinishedAt = time.GetUtcNow();
        foreach (var node in Job.Nodes)
        {
            node.OutputJson = null;
        }
    }

    /// <summary>
    /// Writes the state, then acts on it: dispatches, cancels, records, publishes. A finished job's log is
    /// kept after its final write and its location recorded with its row, then its slot and watchdog are let go.
    /// </summary>
    /// <param name="alongside">Work that may run with the write but must be done before the commit is (the first watch).</param>
    private async Task CommitAsync(Task? alongside = null)
    {
        progressWrite?.Cancel();
        var (bound, unbound) = BindDispatches();
        await Task.WhenAll(state.WriteStateAsync(), DispatchAsync(bound), alongside ?? Task.CompletedTask);
        await SendCancelsAsync();
        foreach (var (node, error) in unbound)
        {
            // Cannot happen twice: the node is failed and written before anything else runs.
            await OnRunFinishedAsync(node.Node.Id, node.RunId, new TaskRunResult(false, null, "its inputs cannot be bound: " + error, 0, null));
        }

        // Independent once the state is written: live clients need wait neither for the results database nor for blob storage.
        await Task.WhenAll(Job.IsFinished && Job.LogBlob is null ? KeepLogAsync() : RecordAsync(), PublishAsync());
        if (Job.IsFinished)
        {
            // A lost release is harmless: the slot is a lease that lapses.
            await GrainFactory.GetGrain<IOrgJobSlotsGrain>(OwnerOrgId).ReleaseAsync(JobId);
            if (Job.Signature is { } signature)
            {
                await GrainFactory.GetGrain<ICacheEntryGrain>(CacheKey.Format(OwnerOrgId, signature)).OnJobFinishedAsync(JobId, Job.Status, View().Confidence);
            }

            if (IsSettled)
            {
                await Watchdog.ForgetAsync(JobId);
            }
        }
    }

    /// <summary>
    /// Progress is not acted on, so it need not be written before the call returns: the next transition writes it,
    /// or this timer does. A silo that dies first loses only the progress, which the re-dispatched run reports again.
    /// </summary>
    private void WriteProgressSoon() =>
        (progressWrite ??= new DelayedWrite(this, WritePendingProgressAsync, settings.ProgressWriteDelay)).Schedule();

    private Task WritePendingProgressAsync()
    {
        // A timer turn carries no request: the platform acts in the job's org, as for a watchdog check.
        CallerContext.Set(Caller.PlatformIn(OwnerOrgId));
        return CommitAsync();
    }

    /// <summary>
    /// Keeps the finished job's log in blob storage, then records the job with its location; if storage is down,
    /// the job is recorded without it and the watchdog tries again.
    /// </summary>
    private async Task KeepLogAsync()
    {
        // The results database has every event before these: this activation's, or the unrecorded ones when they go further back.
        var unrecorded = Job.UnrecordedEvents;
        IReadOnlyList<JobEvent> recent = unrecorded.Count > 0 && (timeline.Count == 0 || unrecorded[0].Seq < timeline[0].Seq) ? [.. unrecorded] : timeline;
        try
        {
            Job.LogBlob = await log.StoreAsync(OwnerOrgId, JobId, recent, CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or TimeoutException or IOException or Azure.RequestFailedException)
        {
            logger.LogWarning(e, "Job {JobId}: its log could not be stored yet", JobId);
        }

        await RecordAsync();
    }

    /// <summary>The queued nodes' requests, and the nodes whose inputs cannot be bound (with why).</summary>
    private (List<(NodeState Node, TaskRunRequest Request)> Bound, List<(NodeState Node, string Error)> Unbound) BindDispatches()
    {
        var bound = new List<(NodeState, TaskRunRequest)>(toDispatch.Count);
        var unbound = new List<(NodeState, string)>();
        foreach (var node in toDispatch)
        {
            var (parameters, error) = ParameterBinder.Bind(node.Node, id => Job.Nodes.Find(other => other.Node.Id == id)?.OutputJson);
            if (parameters is null)
            {
                unbound.Add((node, error!));
            }
            else
            {
                bound.Add((node, new TaskRunRequest(node.RunId, JobId, parameters, Job.Priority)));
            }
        }

        toDispatch.Clear();
        return (bound, unbound);
    }

    private async Task DispatchAsync(List<(NodeState Node, TaskRunRequest Request)> dispatches)
    {
        foreach (var (node, request) in dispatches)
        {
            await OnTaskServiceAsync(node, service => service.DispatchAsync(new TaskRunDispatch(request, this.GetPrimaryKeyString(), node.Node.Id)));
        }
    }

    private async Task SendCancelsAsync()
    {
        var cancels = toCancel.ToList();
        toCancel.Clear();
        foreach (var node in cancels)
        {
            await OnTaskServiceAsync(node, service => service.CancelRunAsync(node.RunId));
        }
    }

    /// <summary>Copies unrecorded events and results to the results database; on failure they stay for the next try.</summary>
    private async Task RecordAsync()
    {
        if (Job.UnrecordedEvents.Count == 0 && Job.UnrecordedResults.Count == 0 && recordedLogsUri == Job.LogBlob)
        {
            return;
        }

        try
        {
            var summary = JobViews.Summary(Job, JobId);
            await records.WriteAsync(OwnerOrgId, summary, [.. Job.UnrecordedEvents], [.. Job.UnrecordedResults], CancellationToken.None);
            Job.UnrecordedEvents.Clear();
            Job.UnrecordedResults.Clear();
            recordedLogsUri = summary.LogsUri;
        }
        catch (Exception e) when (e is DbException or TimeoutException or MolDashException { Kind: ErrorKind.Unavailable })
        {
            // The records store reports an outage as Unavailable: the job's own write already succeeded, so the caller must not hear a failure.
            logger.LogWarning(e, "Job {JobId}: the results database is unreachable; its events stay in the job's state until the next try", JobId);
        }
    }

    private async Task PublishAsync()
    {
        if (unpublished.Count == 0)
        {
            return;
        }

        var events = unpublished.ToList();
        unpublished.Clear();
        try
        {
            await GrainFactory.GetGrain<IJobFeedGrain>(OwnerOrgId).PublishAsync(events);
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            // Live subscribers resynchronise from the job's snapshot and timeline.
            logger.LogWarning(e, "Job {JobId}: {Count} live events not published", JobId, events.Count);
        }
    }

    private void AddEvent(string kind, NodeState? node, NodeStatus? nodeStatus, string message)
    {
        var entry = new JobEvent
        {
            JobId = JobId,
            Seq = ++Job.LastSeq,
            At = time.GetUtcNow(),
            Kind = kind,
            NodeId = node?.Node.Id,
            Message = node is null ? message : $"{node.Node.Id}: {message}",
            JobStatus = Job.Status,
            NodeStatus = nodeStatus,
            Progress = JobViews.Progress(Job),
        };
        Job.UnrecordedEvents.Add(entry);
        unpublished.Add(entry);
        timeline.Add(entry);
    }

    private NodeResult Result(NodeState node, JsonText? output, double? confidence) => new()
    {
        JobId = JobId,
        NodeId = node.Node.Id,
        RunId = node.RunId,
        TaskName = node.Node.TaskName,
        TaskVersion = node.Node.TaskVersion,
        Status = node.Status,
        Attempts = node.Attempts,
        Instance = node.Instance,
        QueuedAt = node.QueuedAt,
        StartedAt = node.StartedAt,
        FinishedAt = node.FinishedAt,
        Output = output,
        Confidence = confidence,
        Error = node.Error,
    };

    private NodeState? CurrentRun(string nodeId, Guid runId) =>
        Job.Nodes.Find(node => node.Node.Id == nodeId) is { IsActive: true } node && node.RunId == runId ? node : null;

    private bool HasDependents(NodeState node) =>
        Job.Nodes.Exists(other => other.Node.Inputs.Any(input => input.FromNode == node.Node.Id));

    /// <summary>Calls the node's task service: as the caller in the job's own org, as the platform in the org that lends its tasks.</summary>
    private Task OnTaskServiceAsync(NodeState node, Func<ITaskServiceGrain, Task> call)
    {
        var service = GrainFactory.GetGrain<ITaskServiceGrain>(TaskDefinitionKey.Format(Job.TaskOrgId ?? OwnerOrgId, node.Node.TaskName, node.Node.TaskVersion));
        return Job.TaskOrgId is { } taskOrg ? PlatformCalls.InOrgAsync(taskOrg, () => call(service)) : call(service);
    }

    private bool IsSettled => Job.IsFinished && Job.UnrecordedEvents.Count == 0 && Job.LogBlob is not null && recordedLogsUri == Job.LogBlob;

    private IJobWatchdogGrain Watchdog => GrainFactory.GetGrain<IJobWatchdogGrain>(JobWatchdogKey.For(OwnerOrgId, JobId, settings.WatchdogShards));

    private JobGrain RequireExisting() => Job.Exists ? this : throw MolDashException.NotFound("The job");

    private JobView View() => JobViews.View(Job, OwnerOrgId, JobId);
}
