namespace MolDash.GrainInterfaces.Tasks;

/// <summary>How a task's service runs: its container, resources, scale and run policy.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.TaskDeployment")]
public sealed record TaskDeployment
{
    [Id(0)] public string Image { get; init; } = "";
    /// <summary>CPU cores per replica (fractions allowed, as in Kubernetes).</summary>
    [Id(1)] public double Cpu { get; init; } = 1;
    [Id(2)] public int MemoryMb { get; init; } = 512;
    [Id(3)] public int Gpu { get; init; }
    [Id(4)] public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();
    [Id(5)] public int Replicas { get; init; } = 1;
    [Id(6)] public int TimeoutSeconds { get; init; } = 600;
    [Id(7)] public int MaxAttempts { get; init; } = 3;
    /// <summary>Whether the same input (and seed) always gives the same result, so results may be cached.</summary>
    [Id(8)] public bool Deterministic { get; init; }
}
