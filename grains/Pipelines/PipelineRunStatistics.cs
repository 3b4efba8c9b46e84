namespace MolDash.Grains.Pipelines;

/// <summary>The runs of one pipeline counted since its catalog row was last written.</summary>
public sealed class PipelineRunStatistics
{
    public int Runs { get; private set; }

    public int CacheHits { get; private set; }

    public DateTimeOffset LastRunAt { get; private set; }

    public bool IsEmpty => Runs == 0;

    public void Add(bool cacheHit, DateTimeOffset at)
    {
        Runs++;
        CacheHits += cacheHit ? 1 : 0;
        LastRunAt = at > LastRunAt ? at : LastRunAt;
    }

    /// <summary>Puts back counts whose write failed, so the next write carries them.</summary>
    public void Add(PipelineRunStatistics unwritten)
    {
        Runs += unwritten.Runs;
        CacheHits += unwritten.CacheHits;
        LastRunAt = unwritten.LastRunAt > LastRunAt ? unwritten.LastRunAt : LastRunAt;
    }
}
