using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MolDash.GrainInterfaces.Artifacts;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Jobs;
using MolDash.GrainInterfaces.TaskServices;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Access;
using MolDash.Grains.Audit;
using MolDash.Grains.Registry;

namespace MolDash.Grains.TaskServices;

/// <summary>
/// Routes an org's runs of one published task version to its service instances. Instance health and
/// load live in memory (probed again after activation); only the Admin-registered addresses and the
/// service key's hash are persisted. How instances are discovered is in TaskServiceGrain.Discovery.cs.
/// </summary>
[GrainType("moldash-task-service")]
public sealed partial class TaskServiceGrain(
    [PersistentState("task-service", GrainStorageNames.Default)] IPersistentState<TaskServiceState> state,
    TaskServiceHttp http,
    SelfRegistrationAddressPolicy selfRegistrationPolicy,
    Auditor auditor,
    IOptions<TaskServiceOptions> options,
    TimeProvider time,
    ILogger<TaskServiceGrain> logger) : Grain, ITaskServiceGrain, IOrgOwned
{
    private readonly TaskServiceOptions settings = options.Value;
    private readonly PendingRuns<SlotWaiter> pending = new();
    private readonly Dictionary<Guid, CancellationTokenSource> dispatched = [];
    private readonly InstanceSources sources = new();
    private InstancePool pool = null!;

    // A published version never changes, so it is read once per activation.
    private RunTarget? target;

    public Guid OwnerOrgId => TaskDefinitionKey.Parse(this.GetPrimaryKeyString()).OrgId;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        pool = new InstancePool(settings.MaxConcurrencyPerInstance, time);
        foreach (var address in state.State.Instances)
        {
            sources.AddAdmin(pool.Register(new Uri(address)).Address);
        }

        AddConfiguredInstances();

        this.RegisterGrainTimer(ProbeAllAsync, new GrainTimerCreationOptions(settings.ProbeInterval, settings.ProbeInterval) { Interleave = true });
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<TaskServiceStatus> RegisterInstanceAsync(string address)
    {
        PermissionGuard.Require(MolDashPermissions.TaskDefine, "register task service instances");
        var uri = InstanceAddress.Parse(address);
        if (!state.State.Instances.Contains(uri.ToString()))
        {
            state.State.Instances.Add(uri.ToString());
            await state.WriteStateAsync();
            await AuditAsync(AuditActions.TaskInstanceRegistered, uri);
        }

        sources.AddAdmin(uri);
        await ProbeAsync(pool.Register(uri));
        ReleaseToWaiters();
        return Status();
    }

    public async Task<TaskServiceStatus> RemoveInstanceAsync(string address)
    {
        PermissionGuard.Require(MolDashPermissions.TaskDefine, "remove task service instances");
        var uri = InstanceAddress.Parse(address);
        RequireRemovable(uri);
        if (state.State.Instances.Remove(uri.ToString()))
        {
            await state.WriteStateAsync();
            await AuditAsync(AuditActions.TaskInstanceRemoved, uri);
        }

        if (sources.RemoveAdminAndLease(uri))
        {
            pool.Remove(uri);
        }

        return Status();
    }

    public Task<TaskServiceStatus> GetStatusAsync()
    {
        PermissionGuard.Require(MolDashPermissions.TaskDefine, "see task service instances");
        return Task.FromResult(Status());
    }

    public Task<TaskRunResult> InvokeAsync(TaskRunRequest request) =>
        RunAsync(request, SilentRunReporter.Instance, OwnerOrgId, CancellationToken.None);

    public Task DispatchAsync(TaskRunDispatch dispatch)
    {
        var runId = dispatch.Request.RunId;
        if (dispatched.ContainsKey(runId))
        {
            return Task.CompletedTask;
        }

        var cancellation = new CancellationTokenSource();
        dispatched[runId] = cancellation;

        // A dispatched run must outlive idle collection: nothing calls the grain while it waits on the service.
        DelayDeactivation(settings.DispatchKeepAlive);
        _ = RunDispatchedAsync(dispatch, cancellation);
        return Task.CompletedTask;
    }

    public Task CancelRunAsync(Guid runId)
    {
        if (dispatched.TryGetValue(runId, out var cancellation))
        {
            cancellation.Cancel();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs a dispatched run to its end and reports it; the run id stays "in progress" until the job has heard.
    /// The run's files are the job's org's: usually this one, another org's when it runs a public pipeline of this one.
    /// </summary>
    private async Task RunDispatchedAsync(TaskRunDispatch dispatch, CancellationTokenSource cancellation)
    {
        var jobOrg = JobKey.Parse(dispatch.JobKey).OrgId;
        CallerContext.Set(Caller.PlatformIn(OwnerOrgId));
        try
        {
            TaskRunResult result;
            try
            {
                await TargetAsync();

                // The job is told, and its files read and kept, as the platform acting in the job's org, whoever dispatched the run.
                CallerContext.Set(Caller.PlatformIn(jobOrg));
                result = await RunAsync(dispatch.Request, new JobRunReporter(GrainFactory, dispatch), jobOrg, cancellation.Token);
                if (result.Succeeded && dispatch.Request.JobId is { } jobId)
                {
                    result = result with { Artifacts = await KeepOutputFilesAsync(result.OutputJson!, jobOrg, jobId, dispatch.NodeId) };
                }
            }
            catch (MolDashException e)
            {
                result = new TaskRunResult(false, null, e.Message, 0, null);
            }

            CallerContext.Set(Caller.PlatformIn(jobOrg));
            await ReportAsync(dispatch, result);
        }
        finally
        {
            dispatched.Remove(dispatch.Request.RunId);
            cancellation.Dispose();
        }
    }

    /// <summary>Keeps each file of the output as an artifact of the job; a file that is not what its field says is skipped, not fatal.</summary>
    private async Task<IReadOnlyList<OutputArtifact>> KeepOutputFilesAsync(string outputJson, Guid jobOrg, Guid jobId, string nodeId)
    {
        var run = await TargetAsync();
        if (run.Contract.OutputFiles.Count == 0)
        {
            return [];
        }

        var artifacts = GrainFactory.GetGrain<IArtifactsGrain>(jobOrg);
        var kept = new List<OutputArtifact>();
        foreach (var (pointer, format, content) in OutputFileFinder.Extract(JsonNode.Parse(outputJson), run.Contract.OutputFiles))
        {
            var fileName = OutputFileName(nodeId, pointer, format);
            try
            {
                var artifact = await artifacts.StoreOutputAsync(jobId, nodeId, fileName, format, content);
                kept.Add(new OutputArtifact(pointer, artifact.Id, fileName, format));
            }
            catch (MolDashException e) when (e.Kind is ErrorKind.Validation or ErrorKind.UnsupportedMediaType)
            {
                logger.LogWarning("Job {JobId} node {NodeId}: output file {Pointer} not kept: {Reason}", jobId, nodeId, pointer, e.Message);
            }
        }

        return kept;
    }

    /// <summary>"dock_results_0_poses_1.sdf" for the SDF at /results/0/poses/1/sdf of node "dock".</summary>
    private static string OutputFileName(string nodeId, string pointer, string format)
    {
        var path = pointer.Replace('/', '_');
        var suffix = "_" + format;
        return nodeId + (path.EndsWith(suffix, StringComparison.Ordinal) ? path[..^suffix.Length] : path) + "." + format;
    }

    private async Task ReportAsync(TaskRunDispatch dispatch, TaskRunResult result)
    {
        var job = GrainFactory.GetGrain<IJobGrain>(dispatch.JobKey);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await job.OnRunFinishedAsync(dispatch.NodeId, dispatch.Request.RunId, result);
                return;
            }
            catch (Exception e) when (IsTransient(e) && attempt < settings.ReportAttempts)
            {
                await Task.Delay(settings.RetryBackoff * Math.Pow(2, attempt - 1), time);
            }
            catch (Exception e) when (IsTransient(e))
            {
                // The job's watchdog dispatches the run again; the service answers it from its idempotency store.
                return;
            }
        }
    }

    /// <summary>The job's silo is gone or slow, or its database is down: worth trying again, or leaving to the watchdog.</summary>
    private static bool IsTransient(Exception e) =>
        e is TimeoutException or OrleansException or MolDashException { Kind: ErrorKind.Unavailable };

    /// <param name="dataOrg">The org whose artifacts the parameters name.</param>
    private async Task<TaskRunResult> RunAsync(TaskRunRequest request, IRunReporter reporter, Guid dataOrg, CancellationToken cancellationToken)
    {
        var run = await TargetAsync();
        var errors = ParameterErrors(run, request.ParametersJson);
        if (errors.Count > 0)
        {
            throw MolDashException.Invalid("The parameters do not fit the task's input.", errors);
        }

        var body = await ArtifactReferences.InlineAsync(request.ParametersJson, GrainFactory.GetGrain<IArtifactsGrain>(dataOrg).ReadTextAsync);
        var avoid = new List<Uri>();
        string? lastError = null;
        var maxAttempts = run.Deployment.MaxAttempts;
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            // Runs already waiting go first: a new run does not jump the queue.
            var instance = (pending.Count == 0 ? pool.TryAcquire(avoid) : null)
                ?? await WaitForSlotAsync(request.Priority, cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                if (instance is not null)
                {
                    instance.EndRun(null);
                    ReleaseToWaiters();
                }

                return Cancelled(attempt - 1);
            }

            if (instance is null)
            {
                return new TaskRunResult(false, null, pool.DescribeUnavailable() + (lastError is null ? "" : $"; last attempt: {lastError}"), attempt - 1, null);
            }

            // Progress is reported without waiting for it: the run's slot is for the service call, not for the job's bookkeeping.
            _ = reporter.StartedAsync(attempt, instance.Address);
            var outcome = await CallAsync(instance, run, request, body, cancellationToken);
            instance.EndRun(outcome.Error);
            if (cancellationToken.IsCancellationRequested)
            {
                instance.RecordOutcome(false, time.GetUtcNow(), int.MaxValue, TimeSpan.Zero);
                ReleaseToWaiters();
                return Cancelled(attempt);
            }

            instance.RecordOutcome(!outcome.Succeeded && outcome.Transient, time.GetUtcNow(), settings.BreakerFailures, settings.BreakerCoolDown);
            ReleaseToWaiters();

            if (outcome.Succeeded || !outcome.Transient)
            {
                return new TaskRunResult(outcome.Succeeded, outcome.Output, outcome.Error, attempt, instance.Address.ToString());
            }

            lastError = outcome.Error;
            avoid.Add(instance.Address);
            if (attempt < maxAttempts)
            {
                _ = reporter.AttemptFailedAsync(attempt, outcome.Error!);
                // A cancel during the backoff is seen at the top of the next attempt.
                await Task.Delay(settings.RetryBackoff * Math.Pow(2, attempt - 1), time, cancellationToken)
                    .ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Current);
            }
        }

        return new TaskRunResult(false, null, $"failed after {maxAttempts} attempts; last error: {lastError}", maxAttempts, null);
    }

    private static TaskRunResult Cancelled(int attempts) => new(false, null, "cancelled", attempts, null);

    private async Task<RunTarget> TargetAsync()
    {
        if (target is not null)
        {
            return target;
        }

        var definition = await GrainFactory.GetGrain<ITaskDefinitionGrain>(this.GetPrimaryKeyString()).GetAsync();
        if (definition.Status == TaskDefinitionStatus.Draft)
        {
            throw new MolDashException(ErrorKind.Conflict, $"Task {definition.Name} {definition.Version} is a draft; publish it before running it.");
        }

        var contract = TaskDocumentLoader.Load(definition.Document.Json, definition.OperationId).Contract
            ?? throw new MolDashException(ErrorKind.Unavailable, $"The document of task {definition.Name} {definition.Version} no longer loads.");
        return target = new RunTarget(contract, definition.Deployment);
    }

    private static List<FieldError> ParameterErrors(RunTarget run, string parametersJson)
    {
        try
        {
            var parameters = System.Text.Json.Nodes.JsonNode.Parse(parametersJson, documentOptions: new JsonDocumentOptions { MaxDepth = TaskDocumentLimits.MaxDepth });
            return [.. run.Contract.ValidateParameters(parameters)];
        }
        catch (JsonException e)
        {
            return [new FieldError("", $"The parameters are not valid JSON: {e.Message}")];
        }
    }

    /// <summary>
    /// Waits in the queue for a slot. Waiting behind busy healthy instances goes on as long as it takes;
    /// only when no instance has been healthy for the whole queue wait does the run give up (null).
    /// </summary>
    private async Task<ServiceInstance?> WaitForSlotAsync(RunPriority priority, CancellationToken cancellationToken)
    {
        var waiter = new SlotWaiter();
        pending.Enqueue(priority, CallerContext.Current?.OrgId ?? OwnerOrgId, waiter);
        using var cancelled = cancellationToken.Register(() => waiter.Slot.TrySetCanceled(cancellationToken));
        while (true)
        {
            var first = await Task.WhenAny(waiter.Slot.Task, Task.Delay(settings.QueueWait, time, CancellationToken.None));
            if (first == waiter.Slot.Task)
            {
                return waiter.Slot.Task.IsCompletedSuccessfully ? waiter.Slot.Task.Result : Withdraw(waiter);
            }

            if (!pool.HasHealthyInstance)
            {
                return Withdraw(waiter);
            }
        }
    }

    /// <summary>Leaves the queue; a slot handed over in the meantime is passed on to the next run.</summary>
    private ServiceInstance? Withdraw(SlotWaiter waiter)
    {
        if (!pending.Remove(waiter) && waiter.Slot.Task.IsCompletedSuccessfully)
        {
            waiter.Slot.Task.Result.EndRun(null);
            ReleaseToWaiters();
        }

        return null;
    }

    /// <summary>Hands free slots to waiting runs, in queue order.</summary>
    private void ReleaseToWaiters()
    {
        while (pending.Count > 0 && pool.TryAcquire() is { } instance)
        {
            pending.TryDequeue(out var waiter);
            waiter.Slot.TrySetResult(instance);
        }
    }

    private async Task<RunOutcome> CallAsync(ServiceInstance instance, RunTarget run, TaskRunRequest request, string body, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(run.Deployment.TimeoutSeconds);
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(instance.Address, run.Contract.Operation.Path.TrimStart('/')))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        message.Headers.Add("Idempotency-Key", request.RunId.ToString());
        message.Headers.Add("X-MolDash-Org-Id", OwnerOrgId.ToString());
        if (request.JobId is { } jobId)
        {
            message.Headers.Add("X-MolDash-Job-Id", jobId.ToString());
        }

        var remote = new RemoteRun();
        try
        {
            using var response = await http.Client.SendAsync(message, deadline.Token);
            return await OutcomeOfAsync(instance, response, remote, deadline.Token);
        }
        catch (HttpRequestException e)
        {
            return RunOutcome.Retryable($"{instance.Address}: {e.Message}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await CancelRemoteAsync(remote);
            return RunOutcome.Final("cancelled");
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested)
        {
            return RunOutcome.Retryable($"{instance.Address}: no answer within the task's timeout of {timeout.TotalSeconds:0} s");
        }
    }

    /// <summary>Reads a final answer, or follows a 202's Location (asking it to wait) until there is one.</summary>
    private async Task<RunOutcome> OutcomeOfAsync(ServiceInstance instance, HttpResponseMessage response, RemoteRun remote, CancellationToken cancellationToken)
    {
        while (response.StatusCode == HttpStatusCode.Accepted)
        {
            if (response.Headers.Location is not { } location)
            {
                return RunOutcome.Final($"{instance.Address}: answered 202 without a Location to poll");
            }

            remote.Location = new Uri(instance.Address, location);
            using var poll = new HttpRequestMessage(HttpMethod.Get, remote.Location);
            poll.Headers.Add("Prefer", "wait=" + ((int)settings.PollWait.TotalSeconds).ToString(CultureInfo.InvariantCulture));
            var next = await http.Client.SendAsync(poll, cancellationToken);
            if (!ReferenceEquals(response, next))
            {
                response.Dispose();
            }

            response = next;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return IsJson(body)
                    ? RunOutcome.Success(body)
                    : RunOutcome.Retryable($"{instance.Address}: answered {status} with a body that is not JSON");
            }

            var reason = $"{instance.Address}: answered {status}: {Snippet(body)}";
            return status is 429 or >= 500 ? RunOutcome.Retryable(reason) : RunOutcome.Final(reason);
        }
    }

    /// <summary>Tells the service a run it accepted is no longer wanted; a service without DELETE, or gone, is left alone.</summary>
    private async Task CancelRemoteAsync(RemoteRun remote)
    {
        if (remote.Location is not { } location)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(settings.ProbeTimeout, time);
        try
        {
            using var _ = await http.Client.DeleteAsync(location, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            logger.LogInformation("Cancelling {Location} failed: {Reason}", location, e.Message);
        }
    }

    private async Task ProbeAllAsync(CancellationToken cancellationToken)
    {
        ExpireLeases();
        await Task.WhenAll(pool.Instances.ToList().Select(ProbeAsync));
        ReleaseToWaiters();
    }

    private async Task ProbeAsync(ServiceInstance instance)
    {
        using var timeout = new CancellationTokenSource(settings.ProbeTimeout, time);
        try
        {
            using var response = await http.Client.GetAsync(new Uri(instance.Address, "readyz"), timeout.Token);
            var healthy = response.IsSuccessStatusCode;
            pool.RecordProbe(instance.Address, healthy, healthy ? null : $"{instance.Address}: readyz answered {(int)response.StatusCode}", time.GetUtcNow());
        }
        catch (HttpRequestException e)
        {
            pool.RecordProbe(instance.Address, false, $"{instance.Address}: {e.Message}", time.GetUtcNow());
        }
        catch (OperationCanceledException)
        {
            pool.RecordProbe(instance.Address, false, $"{instance.Address}: readyz did not answer within {settings.ProbeTimeout.TotalSeconds:0.#} s", time.GetUtcNow());
        }
    }

    private Task AuditAsync(string action, Uri address) =>
        AuditAsync(action, new Dictionary<string, string?> { ["address"] = address.ToString() });

    private Task AuditAsync(string action, IReadOnlyDictionary<string, string?> details)
    {
        var (orgId, name, version) = TaskDefinitionKey.Parse(this.GetPrimaryKeyString());
        return auditor.RecordAsync(action, $"{name}/{version}", AuditOutcome.Succeeded, orgId, details);
    }

    private TaskServiceStatus Status() => new(
        [.. pool.Instances.Select(instance => new ServiceInstanceStatus(
            instance.Address.ToString(), instance.Healthy, instance.LastCheck, instance.LastError, instance.Outstanding, instance.Errors,
            instance.Circuit(time.GetUtcNow()), instance.ConsecutiveFailures, instance.OpenUntil,
            sources.Of(instance.Address), sources.LeaseOf(instance.Address)))],
        Enum.GetValues<RunPriority>().ToDictionary(priority => priority, pending.DepthOf),
        state.State.ServiceKey is { } key ? new ServiceKeyInfo(key.KeyId, key.CreatedAt) : null);

    private static bool IsJson(string body)
    {
        try
        {
            using var _ = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Snippet(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
