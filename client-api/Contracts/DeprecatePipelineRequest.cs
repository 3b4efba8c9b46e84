namespace MolDash.Api.Contracts;

public sealed record DeprecatePipelineRequest(string? Reason);
