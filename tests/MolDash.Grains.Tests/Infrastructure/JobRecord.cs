using System.Collections.Concurrent;
using MolDash.GrainInterfaces.Jobs;

namespace MolDash.Grains.Tests.Infrastructure;

/// <summary>One job as <see cref="InMemoryJobRecords"/> keeps it.</summary>
public sealed class JobRecord
{
    public JobSummary? Summary { get; set; }

    public long LastEventSeq { get; set; }

    public ConcurrentDictionary<long, JobEvent> Events { get; } = new();

    public ConcurrentDictionary<string, NodeResult> Results { get; } = new(StringComparer.Ordinal);
}
