using System.Text.Json;
using MolDash.GrainInterfaces.Tasks;

namespace MolDash.Api.Contracts;

/// <param name="Document">The OpenAPI 3.0 document: JSON or YAML text, or the JSON object itself.</param>
public sealed record CreateTaskRequest(
    string? Name,
    string? Version,
    string? Description,
    string? Category,
    IReadOnlyList<string>? Tags,
    JsonElement? Document,
    string? OperationId,
    TaskDeployment? Deployment);
