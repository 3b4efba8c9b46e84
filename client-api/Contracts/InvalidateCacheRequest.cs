namespace MolDash.Api.Contracts;

/// <summary>Which entries to invalidate: a pipeline's (optionally one version's), or with neither, all of the org's.</summary>
public sealed record InvalidateCacheRequest(string? Pipeline, string? Version);
