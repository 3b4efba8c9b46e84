using MolDash.GrainInterfaces.Audit;

namespace MolDash.Grains.Audit;

/// <summary>An audit row about to be written.</summary>
public sealed record AuditRecord(
    DateTimeOffset OccurredAt,
    Guid? ActorId,
    string? ActorEmail,
    Guid? OrgId,
    string Action,
    string? Target,
    AuditOutcome Outcome,
    string? ClientAddress,
    IReadOnlyDictionary<string, string?> Details);
