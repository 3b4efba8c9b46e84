using System.Text;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Jobs;

/// <summary>Keyset position in a job's node results (ordered by node id, ordinally).</summary>
public sealed record NodeResultCursor(string NodeId)
{
    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes(NodeId));

    public static NodeResultCursor Decode(string cursor)
    {
        try
        {
            var nodeId = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(cursor));
            return nodeId.Length > 0 ? new NodeResultCursor(nodeId) : throw new FormatException();
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new MolDashException(ErrorKind.Validation, "The cursor is not one this listing returned.");
        }
    }
}
