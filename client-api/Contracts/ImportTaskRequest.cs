using MolDash.GrainInterfaces.Tasks;

namespace MolDash.Api.Contracts;

/// <param name="Url">Where the running service serves its OpenAPI document, e.g. http://10.0.0.7:8080/openapi.json; the silo fetches it.</param>
public sealed record ImportTaskRequest(
    string? Url,
    string? Name,
    string? Version,
    string? Description,
    string? Category,
    IReadOnlyList<string>? Tags,
    string? OperationId,
    TaskDeployment? Deployment);
