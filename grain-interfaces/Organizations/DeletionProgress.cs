namespace MolDash.GrainInterfaces.Organizations;

/// <summary>How far the deletion of an organization got, and the step that failed (it is retried).</summary>
[GenerateSerializer, Immutable, Alias("MolDash.DeletionProgress")]
public sealed record DeletionProgress(
    [property: Id(0)] DateTimeOffset RequestedAt,
    [property: Id(1)] Guid RequestedBy,
    [property: Id(2)] IReadOnlyList<DeletionStep> CompletedSteps,
    [property: Id(3)] DeletionStep? FailedStep,
    [property: Id(4)] string? FailureReason);
