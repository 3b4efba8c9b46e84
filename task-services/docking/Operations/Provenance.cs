namespace MolDash.Docking.Operations;

/// <summary>How a result was made: engines and versions, every effective parameter, seed, timings (ms).</summary>
public sealed record Provenance(
    string Service,
    string ServiceVersion,
    IReadOnlyList<EngineVersion> Engines,
    IReadOnlyDictionary<string, object?> Parameters,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyDictionary<string, double> TimingsMs);
