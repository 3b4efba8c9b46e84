namespace MolDash.GrainInterfaces.Artifacts;

public static class ArtifactLimits
{
    /// <summary>The largest artifact read back as text (a task's inline parameter travels in one grain message).</summary>
    public const long MaxInlineTextBytes = 16L * 1024 * 1024;

    public const int MaxFileNameLength = 128;
}
