using System.Text.Json;
using MolDash.GrainInterfaces.Tasks;

namespace MolDash.Api.Contracts;

/// <summary>A draft's new content; it replaces the whole definition.</summary>
public sealed record UpdateTaskRequest(
    string? Description,
    string? Category,
    IReadOnlyList<string>? Tags,
    JsonElement? Document,
    string? OperationId,
    TaskDeployment? Deployment);
