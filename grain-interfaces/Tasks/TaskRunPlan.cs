using MolDash.GrainInterfaces.Errors;

namespace MolDash.GrainInterfaces.Tasks;

/// <summary>What a job needs to know of a task version before it runs it: whether it may, whether its parameter sets fit, and its category (permissions may name it).</summary>
/// <param name="Errors">One list per parameter set checked, in order; empty lists for sets that fit or were not checked.</param>
[GenerateSerializer, Immutable, Alias("MolDash.TaskRunPlan")]
public sealed record TaskRunPlan(
    [property: Id(0)] TaskDefinitionStatus Status,
    [property: Id(1)] string? DeprecationReason,
    [property: Id(2)] bool Deterministic,
    [property: Id(3)] IReadOnlyList<IReadOnlyList<FieldError>> Errors,
    [property: Id(4)] string Category);
