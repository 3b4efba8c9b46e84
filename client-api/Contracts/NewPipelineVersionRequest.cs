namespace MolDash.Api.Contracts;

public sealed record NewPipelineVersionRequest(string? Version);
