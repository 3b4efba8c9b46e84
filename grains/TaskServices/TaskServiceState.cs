namespace MolDash.Grains.TaskServices;

[GenerateSerializer, Alias("MolDash.TaskServiceState")]
public sealed class TaskServiceState
{
    /// <summary>Registered instance base addresses; their health is probed again after activation.</summary>
    [Id(0)] public List<string> Instances { get; set; } = [];

    /// <summary>The version's service key (its hash), for services that register themselves; null until an Admin creates one.</summary>
    [Id(1)] public ServiceKeyRecord? ServiceKey { get; set; }
}
