using MolDash.GrainInterfaces.Access;
using Orleans.Concurrency;

namespace MolDash.GrainInterfaces.TaskServices;

/// <summary>
/// The running service of one task version (same key as its task definition grain): its instances and
/// their health, and every run's way to one of them.
/// </summary>
[Alias("MolDash.ITaskServiceGrain")]
public interface ITaskServiceGrain : IGrainWithStringKey
{
    /// <summary>Adds an instance by its base address (Admin, Root); registering it again is harmless.</summary>
    [Alias("RegisterInstance")]
    Task<TaskServiceStatus> RegisterInstanceAsync(string address);

    /// <summary>Forgets an Admin-registered or self-registered instance (Admin, Root); one from configuration or Kubernetes is a conflict.</summary>
    [Alias("RemoveInstance")]
    Task<TaskServiceStatus> RemoveInstanceAsync(string address);

    /// <summary>Creates the version's service key, or replaces it: the old key stops working at once (Admin, Root).</summary>
    [Alias("IssueServiceKey")]
    Task<IssuedServiceKey> IssueServiceKeyAsync();

    /// <summary>
    /// A service registers (or renews) itself with the version's service key. Called without a user: the
    /// grain checks the key itself, and answers a wrong key and a version without one alike.
    /// </summary>
    [Alias("RegisterSelf")]
    [AllowAnonymousCalls]
    Task<InstanceLease> RegisterSelfAsync(string serviceKey, string address);

    /// <summary>A self-registered service leaves before its lease ends (on shutdown).</summary>
    [Alias("DeregisterSelf")]
    [AllowAnonymousCalls]
    Task DeregisterSelfAsync(string serviceKey, string address);

    /// <summary>
    /// Replaces the addresses one discovery source lists under <paramref name="group"/> (a Kubernetes
    /// EndpointSlice); other groups and sources are kept. The platform only (the silo's discovery), and Root.
    /// </summary>
    [Alias("ReplaceDiscovered")]
    Task ReplaceDiscoveredAsync(InstanceSource source, string group, IReadOnlyList<string> addresses);

    [Alias("GetStatus")]
    Task<TaskServiceStatus> GetStatusAsync();

    /// <summary>
    /// Checks the parameters, waits for a healthy instance with a free slot (by priority, fairly across
    /// orgs), calls it and follows a 202 to the end; transient failures are retried on another instance.
    /// Interleaves with other calls, so a long run never blocks the grain.
    /// </summary>
    [Alias("Invoke")]
    [AlwaysInterleave]
    Task<TaskRunResult> InvokeAsync(TaskRunRequest request);

    /// <summary>
    /// Starts a run in the background and returns at once; the run reports its start, failed attempts and
    /// end to the job grain named in the dispatch. Dispatching a run id that is still in progress here
    /// does nothing, so a job may dispatch again whenever it is unsure the run is alive.
    /// </summary>
    [Alias("Dispatch")]
    [AlwaysInterleave]
    Task DispatchAsync(TaskRunDispatch dispatch);

    /// <summary>Stops a dispatched run (waiting or running); an unknown or finished run id is ignored.</summary>
    [Alias("CancelRun")]
    [AlwaysInterleave]
    Task CancelRunAsync(Guid runId);
}
