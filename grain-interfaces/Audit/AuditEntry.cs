namespace MolDash.GrainInterfaces.Audit;

/// <summary>One row of the audit log.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] long Id,
    [property: Id(1)] DateTimeOffset OccurredAt,
    [property: Id(2)] Guid? ActorId,
    [property: Id(3)] string? ActorEmail,
    [property: Id(4)] Guid? OrgId,
    [property: Id(5)] string Action,
    [property: Id(6)] string? Target,
    [property: Id(7)] AuditOutcome Outcome,
    [property: Id(8)] string? ClientAddress,
    [property: Id(9)] string DetailsJson);
