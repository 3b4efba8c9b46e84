namespace MolDash.GrainInterfaces.TaskServices;

[GenerateSerializer, Immutable, Alias("MolDash.ServiceInstanceStatus")]
public sealed record ServiceInstanceStatus(
    [property: Id(0)] string Address,
    [property: Id(1)] bool Healthy,
    [property: Id(2)] DateTimeOffset? LastCheck,
    [property: Id(3)] string? LastError,
    [property: Id(4)] int Outstanding,
    [property: Id(5)] long Errors);
