namespace MolDash.GrainInterfaces.Tasks;

/// <summary>A UI-ready description of a task's input, generated from its OpenAPI input schema.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.TaskForm")]
public sealed record TaskForm(
    [property: Id(0)] string OperationId,
    [property: Id(1)] string? Title,
    [property: Id(2)] string? Description,
    [property: Id(3)] IReadOnlyList<FormField> Fields);
