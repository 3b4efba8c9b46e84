namespace MolDash.GrainInterfaces.TaskServices;

/// <summary>What an Admin sees of a task service: its instances, the runs waiting per priority, and its service key (never the secret).</summary>
[GenerateSerializer, Immutable, Alias("MolDash.TaskServiceStatus")]
public sealed record TaskServiceStatus(
    [property: Id(0)] IReadOnlyList<ServiceInstanceStatus> Instances,
    [property: Id(1)] IReadOnlyDictionary<RunPriority, int> QueueDepth,
    [property: Id(2)] ServiceKeyInfo? ServiceKey = null);
