namespace MolDash.Grains.Jobs;

[GenerateSerializer]
public sealed class JobWatchdogState
{
    [Id(0)] public List<Guid> Jobs { get; set; } = [];
}
