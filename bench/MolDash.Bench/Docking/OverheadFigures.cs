namespace MolDash.Bench.Docking;

/// <summary>Service overhead: medians of direct and service wall times, and of each request against its own Vina process.</summary>
public sealed record OverheadFigures(double DirectSeconds, double ServiceSeconds, double OwnVinaRatio, double OwnVinaExtraSeconds);
