namespace MolDash.Docking.Operations.Dock;

public sealed record DockResponse(
    ReceptorSummary Receptor,
    BoxSummary Box,
    IReadOnlyList<LigandDockResult> Results,
    int Succeeded,
    int Failed,
    Provenance Provenance);
