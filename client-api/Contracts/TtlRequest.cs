namespace MolDash.Api.Contracts;

/// <summary>Seconds the entry stays reusable after its job finished; null keeps it until invalidated.</summary>
public sealed record TtlRequest(int? TtlSeconds);
