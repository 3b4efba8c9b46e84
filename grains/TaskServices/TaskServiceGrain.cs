using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.TaskServices;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Access;
using MolDash.Grains.Registry;

namespace MolDash.Grains.TaskServices;

/// <summary>
/// Routes an org's runs of one published task version to its service instances. Instance health and
/// load live in memory (probed again after activation); only the registered addresses are persisted.
/// </summary>
[GrainType("moldash-task-service")]
public sealed class TaskServiceGrain(
    [PersistentState("task-service", GrainStorageNames.Default)] IPersistentState<TaskServiceState> state,
    TaskServiceHttp http,
    IOptions<TaskServiceOptions> options,
    TimeProvider time) : Grain, ITaskServiceGrain, IOrgOwned
{
    private readonly TaskServiceOptions settings = options.Value;
    private readonly PendingRuns<SlotWaiter> pending = new();
    private InstancePool pool = null!;

    // A published version never changes, so it is read once per activation.
    private RunTarget? target;

    public Guid OwnerOrgId => TaskDefinitionKey.Parse(this.GetPrimaryKeyString()).OrgId;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        pool = new InstancePool(settings.MaxConcurrencyPerInstance);
        foreach (var address in state.State.Instances)
        {
            pool.Register(new Uri(address));
        }

        this.RegisterGrainTimer(ProbeAllAsync, new GrainTimerCreationOptions(settings.ProbeInterval, settings.ProbeInterval) { Interleave = true });
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<TaskServiceStatus> RegisterInstanceAsync(string address)
    {
        AdminGuard.RequireAdmin("register task service instances");
        var uri = ParseAddress(address);
        if (!state.State.Instances.Contains(uri.ToString()))
        {
            state.State.Instances.Add(uri.ToString());
            await state.WriteStateAsync();
        }

        await ProbeAsync(pool.Register(uri));
        ReleaseToWaiters();
        return Status();
    }

    public async Task<TaskServiceStatus> RemoveInstanceAsync(string address)
    {
        AdminGuard.RequireAdmin("remove task service instances");
        var uri = ParseAddress(address);
        if (state.State.Instances.Remove(uri.ToString()))
        {
            await state.WriteStateAsync();
        }

        pool.Remove(uri);
        return Status();
    }

    public Task<TaskServiceStatus> GetStatusAsync()
    {
        AdminGuard.RequireAdmin("see task service instances");
        return Task.FromResult(Status());
    }

    public async Task<TaskRunResult> InvokeAsync(TaskRunRequest request)
    {
        var run = await TargetAsync();
        var errors = ParameterErrors(run, request.ParametersJson);
        if (errors.Count > 0)
        {
            throw MolDashException.Invalid("The parameters do not fit the task's input.", errors);
        }

        var deadline = time.GetUtcNow() + settings.QueueWait;
        var avoid = new List<Uri>();
        string? lastError = null;
        var maxAttempts = run.Deployment.MaxAttempts;
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            // Runs already waiting go first: a new run does not jump the queue.
            var instance = (pending.Count == 0 ? pool.TryAcquire(avoid) : null)
                ?? await WaitForSlotAsync(request.Priority, deadline);
            if (instance is null)
            {
                return new TaskRunResult(false, null, pool.DescribeUnavailable() + (lastError is null ? "" : $"; last attempt: {lastError}"), attempt - 1, null);
            }

            var outcome = await CallAsync(instance, run, request);
            instance.EndRun(outcome.Error);
            ReleaseToWaiters();
            if (outcome.Succeeded || !outcome.Transient)
            {
                return new TaskRunResult(outcome.Succeeded, outcome.Output, outcome.Error, attempt, instance.Address.ToString());
            }

            lastError = outcome.Error;
            avoid.Add(instance.Address);
            if (attempt < maxAttempts)
            {
                await Task.Delay(settings.RetryBackoff * Math.Pow(2, attempt - 1), time);
            }
        }

        return new TaskRunResult(false, null, $"failed after {maxAttempts} attempts; last error: {lastError}", maxAttempts, null);
    }

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

    private async Task<ServiceInstance?> WaitForSlotAsync(RunPriority priority, DateTimeOffset deadline)
    {
        var remaining = deadline - time.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            return null;
        }

        var waiter = new SlotWaiter();
        pending.Enqueue(priority, CallerContext.Current?.OrgId ?? OwnerOrgId, waiter);
        var first = await Task.WhenAny(waiter.Slot.Task, Task.Delay(remaining, time));
        if (first == waiter.Slot.Task)
        {
            return await waiter.Slot.Task;
        }

        // A slot may have been handed over after the wait ran out but before this continuation ran.
        return pending.Remove(waiter) || !waiter.Slot.Task.IsCompletedSuccessfully ? null : waiter.Slot.Task.Result;
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

    private async Task<RunOutcome> CallAsync(ServiceInstance instance, RunTarget run, TaskRunRequest request)
    {
        var timeout = TimeSpan.FromSeconds(run.Deployment.TimeoutSeconds);
        using var deadline = new CancellationTokenSource(timeout, time);
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(instance.Address, run.Contract.Operation.Path.TrimStart('/')))
        {
            Content = new StringContent(request.ParametersJson, Encoding.UTF8, "application/json"),
        };
        message.Headers.Add("Idempotency-Key", request.RunId.ToString());
        message.Headers.Add("X-MolDash-Org-Id", OwnerOrgId.ToString());
        if (request.JobId is { } jobId)
        {
            message.Headers.Add("X-MolDash-Job-Id", jobId.ToString());
        }

        try
        {
            using var response = await http.Client.SendAsync(message, deadline.Token);
            return await OutcomeOfAsync(instance, response, deadline.Token);
        }
        catch (HttpRequestException e)
        {
            return RunOutcome.Retryable($"{instance.Address}: {e.Message}");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return RunOutcome.Retryable($"{instance.Address}: no answer within the task's timeout of {timeout.TotalSeconds:0} s");
        }
    }

    /// <summary>Reads a final answer, or follows a 202's Location (asking it to wait) until there is one.</summary>
    private async Task<RunOutcome> OutcomeOfAsync(ServiceInstance instance, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        while (response.StatusCode == HttpStatusCode.Accepted)
        {
            if (response.Headers.Location is not { } location)
            {
                return RunOutcome.Final($"{instance.Address}: answered 202 without a Location to poll");
            }

            using var poll = new HttpRequestMessage(HttpMethod.Get, new Uri(instance.Address, location));
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

    private async Task ProbeAllAsync(CancellationToken cancellationToken)
    {
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

    private TaskServiceStatus Status() => new(
        [.. pool.Instances.Select(instance => new ServiceInstanceStatus(
            instance.Address.ToString(), instance.Healthy, instance.LastCheck, instance.LastError, instance.Outstanding, instance.Errors))],
        Enum.GetValues<RunPriority>().ToDictionary(priority => priority, pending.DepthOf));

    private static Uri ParseAddress(string address)
    {
        if (!Uri.TryCreate(address?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.Query))
        {
            throw MolDashException.Invalid("The instance address is not valid.", [new FieldError("/address", "An absolute http or https base address such as http://10.0.0.7:8080/.")]);
        }

        // A base address ends with '/', so relative operation paths resolve under it.
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
    }

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
