namespace MolDash.GrainInterfaces.TaskServices;

[GenerateSerializer, Immutable, Alias("MolDash.ServiceInstanceStatus")]
public sealed record ServiceInstanceStatus(
    [property: Id(0)] string Address,
    [property: Id(1)] bool Healthy,
    [property: Id(2)] DateTimeOffset? LastCheck,
    [property: Id(3)] string? LastError,
    [property: Id(4)] int Outstanding,
    [property: Id(5)] long Errors,
    [property: Id(6)] CircuitState Circuit = CircuitState.Closed,
    [property: Id(7)] int ConsecutiveFailures = 0,
    /// <summary>When an open circuit lets a trial run through.</summary>
    [property: Id(8)] DateTimeOffset? OpenUntil = null,
    /// <summary>Where the instance comes from (Admin, Configuration, ServiceKey, Kubernetes).</summary>
    [property: Id(9)] IReadOnlyList<InstanceSource>? Sources = null,
    /// <summary>For a self-registered instance: when it drops out unless the service registers again.</summary>
    [property: Id(10)] DateTimeOffset? LeaseExpiresAt = null);
