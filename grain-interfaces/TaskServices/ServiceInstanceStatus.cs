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
    [property: Id(8)] DateTimeOffset? OpenUntil = null);
