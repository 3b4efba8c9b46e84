namespace MolDash.GrainInterfaces.Tasks;

/// <summary>Filters of the task listing; each one left null matches everything.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.TaskQuery")]
public sealed record TaskQuery(
    [property: Id(0)] string? Name = null,
    [property: Id(1)] string? Category = null,
    [property: Id(2)] string? Tag = null,
    [property: Id(3)] TaskDefinitionStatus? Status = null,
    [property: Id(4)] string? Search = null);
