using System.ComponentModel.DataAnnotations;

namespace MolDash.Docking.Hosting;

/// <summary>Configuration section "Docking" (environment: Docking__Slots=2, …), validated at start.</summary>
public sealed class DockingOptions
{
    public const string SectionName = "Docking";

    /// <summary>Concurrent docking slots; each Vina run uses one core (<c>--cpu 1</c>) per slot it holds.</summary>
    [Range(1, 512)]
    public int Slots { get; set; } = Environment.ProcessorCount;

    /// <summary>Ligands that may wait for a slot before new work is refused with 429.</summary>
    [Range(0, 100_000)]
    public int QueueCapacity { get; set; } = 64;

    [Required]
    public string VinaPath { get; set; } = "vina";

    [Required]
    public string ObabelPath { get; set; } = "obabel";

    /// <summary>Debian's interpreter: RDKit imports only there (another python3 on PATH may not see it).</summary>
    [Required]
    public string PythonPath { get; set; } = "/usr/bin/python3";

    /// <summary>Parent of the per-run scratch folders; every run deletes its own folder when it ends.</summary>
    public string WorkDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "moldash-docking");

    /// <summary>Largest molecule file accepted in one field (bytes of text).</summary>
    [Range(1, 512 * 1024 * 1024)]
    public int MaxFileBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Largest request body (bytes); Kestrel answers 413 above it.</summary>
    [Range(1, 1024L * 1024 * 1024)]
    public long MaxRequestBytes { get; set; } = 64L * 1024 * 1024;

    [Range(1, 10_000)]
    public int MaxBatchLigands { get; set; } = 100;

    /// <summary>Vina's time grows steeply with torsions (20 ≈ 5 min, 32 ≈ 20 min at exhaustiveness 8).</summary>
    [Range(0, 64)]
    public int MaxRotatableBonds { get; set; } = 20;

    [Range(1, 1000)]
    public int MaxLigandHeavyAtoms { get; set; } = 120;

    /// <summary>Longest box edge in Å; larger boxes make the search unreliable and the grids huge.</summary>
    [Range(1.0, 500.0)]
    public double MaxBoxEdge { get; set; } = 40.0;

    /// <summary>Batches with at least this many ligands answer 202 even without <c>Prefer: respond-async</c>.</summary>
    [Range(1, 100_000)]
    public int AsyncLigandThreshold { get; set; } = 25;

    [Range(1, 86_400)]
    public int ToolTimeoutSeconds { get; set; } = 3600;

    /// <summary>How long finished jobs and idempotency keys are remembered.</summary>
    [Range(1, 10_080)]
    public int RetentionMinutes { get; set; } = 1440;
}
