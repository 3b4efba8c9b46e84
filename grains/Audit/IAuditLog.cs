using MolDash.GrainInterfaces.Audit;

namespace MolDash.Grains.Audit;

/// <summary>The append-only audit table: rows are added and read, never changed.</summary>
public interface IAuditLog
{
    Task AppendAsync(AuditRecord record);

    /// <summary>Newest first; <paramref name="beforeId"/> continues after the last row of a previous page.</summary>
    Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, long? beforeId, int limit);
}
