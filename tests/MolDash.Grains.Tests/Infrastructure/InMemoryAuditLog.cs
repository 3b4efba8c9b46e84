using System.Collections.Concurrent;
using System.Text.Json;
using MolDash.GrainInterfaces.Audit;
using MolDash.Grains.Audit;

namespace MolDash.Grains.Tests.Infrastructure;

/// <summary>The audit log's contract in memory, for grain logic tests; the PostgreSQL one is tested for real.</summary>
public sealed class InMemoryAuditLog : IAuditLog
{
    private readonly ConcurrentQueue<AuditEntry> entries = new();
    private long nextId;

    public IEnumerable<AuditEntry> Entries => entries;

    public Task AppendAsync(AuditRecord record)
    {
        entries.Enqueue(new AuditEntry(Interlocked.Increment(ref nextId), record.OccurredAt, record.ActorId, record.ActorEmail,
            record.OrgId, record.Action, record.Target, record.Outcome, record.ClientAddress, JsonSerializer.Serialize(record.Details)));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, long? beforeId, int limit) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([.. entries
            .Where(e => (beforeId is null || e.Id < beforeId) && (query.OrgId is null || e.OrgId == query.OrgId)
                && (query.Action is null || e.Action == query.Action) && (query.Target is null || e.Target == query.Target))
            .OrderByDescending(e => e.Id).Take(limit)]);
}
