namespace MolDash.GrainInterfaces.Audit;

[GenerateSerializer, Immutable, Alias("MolDash.AuditPage")]
public sealed record AuditPage(
    [property: Id(0)] IReadOnlyList<AuditEntry> Items,
    [property: Id(1)] string? NextCursor);
