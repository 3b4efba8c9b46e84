namespace MolDash.Docking.Operations.Dock;

public sealed record LigandDockResult(
    string Id,
    string Status,
    double? BestAffinity,
    double? PoseConfidence,
    IReadOnlyList<DockedPose> Poses,
    LigandSummary? Ligand,
    IReadOnlyList<string> Warnings,
    LigandError? Error,
    IReadOnlyDictionary<string, double> TimingsMs);
