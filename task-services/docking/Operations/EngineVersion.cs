namespace MolDash.Docking.Operations;

public sealed record EngineVersion(string Name, string Version);
