namespace MolDash.GrainInterfaces.Audit;

/// <summary>Filters of an audit listing; every one is optional.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.AuditQuery")]
public sealed record AuditQuery(
    [property: Id(0)] Guid? OrgId,
    [property: Id(1)] Guid? ActorId,
    [property: Id(2)] string? Action,
    [property: Id(3)] string? Target,
    [property: Id(4)] DateTimeOffset? From,
    [property: Id(5)] DateTimeOffset? To);
