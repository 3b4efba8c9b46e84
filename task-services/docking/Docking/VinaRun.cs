namespace MolDash.Docking.Docking;

/// <summary>Vina's poses and the wall time of the vina process alone (the rest of a request is service overhead).</summary>
public sealed record VinaRun(IReadOnlyList<VinaPose> Poses, TimeSpan Elapsed);
