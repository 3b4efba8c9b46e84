using System.Collections.Concurrent;

namespace MolDash.Integration.Tests.Reliability;

/// <summary>What clients saw during a fault run: the jobs the platform accepted, and every answer that made them try again.</summary>
public sealed class FaultTally
{
    private readonly ConcurrentDictionary<Guid, byte> accepted = new();
    private readonly ConcurrentDictionary<int, int> refusals = new();
    private int droppedConnections;

    public IReadOnlyCollection<Guid> Accepted => [.. accepted.Keys];

    public int AcceptedCount => accepted.Count;

    /// <summary>Answers that were not an acceptance, by status code (503, 429, 500, ...).</summary>
    public IReadOnlyDictionary<int, int> Refusals => refusals;

    /// <summary>Requests that got no HTTP answer at all: refused or dropped connections, or no answer in time.</summary>
    public int DroppedConnections => droppedConnections;

    public int ServerErrors => refusals.Where(pair => pair.Key is >= 500 and not 503).Sum(pair => pair.Value);

    /// <summary>Every answer that asked the client to try again, connections included.</summary>
    public int Retried => refusals.Values.Sum() + droppedConnections;

    public void Accept(Guid jobId) => accepted.TryAdd(jobId, 0);

    public void Refuse(int status) => refusals.AddOrUpdate(status, 1, (_, count) => count + 1);

    public void Drop() => Interlocked.Increment(ref droppedConnections);
}
