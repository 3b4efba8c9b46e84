namespace MolDash.GrainInterfaces.TaskServices;

/// <summary>What an Admin sees of a task service: its instances and the runs waiting per priority.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.TaskServiceStatus")]
public sealed record TaskServiceStatus(
    [property: Id(0)] IReadOnlyList<ServiceInstanceStatus> Instances,
    [property: Id(1)] IReadOnlyDictionary<RunPriority, int> QueueDepth);
