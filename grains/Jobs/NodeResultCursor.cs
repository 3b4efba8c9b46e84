using MolDash.Grains.Persistence;

namespace MolDash.Grains.Jobs;

/// <summary>Keyset position in a job's node results (ordered by node id, ordinally).</summary>
public sealed record NodeResultCursor(string NodeId)
{
    public string Encode() => OpaqueCursor.Encode(NodeId);

    public static NodeResultCursor Decode(string cursor) => new(OpaqueCursor.Decode(cursor));
}
