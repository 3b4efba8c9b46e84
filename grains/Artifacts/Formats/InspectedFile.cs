namespace MolDash.Grains.Artifacts.Formats;

/// <summary>A file that passed its format's checks, with what was measured while reading it.</summary>
public sealed record InspectedFile(IMoleculeFormat Format, string Sha256, long SizeBytes);
