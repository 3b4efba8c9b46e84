namespace MolDash.GrainInterfaces.Pipelines;

[GenerateSerializer, Alias("MolDash.CacheOutcome")]
public enum CacheOutcome
{
    /// <summary>A finished job of the same signature answered, confident enough and with its artifacts still there.</summary>
    Hit = 0,
    /// <summary>A job of the same signature is running: this submission follows it (single flight).</summary>
    Attached = 1,
    /// <summary>A new job was made.</summary>
    Created = 2,
}
