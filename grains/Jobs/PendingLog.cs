namespace MolDash.Grains.Jobs;

/// <summary>A finished job's log waiting to be appended to its org's shared log blob; the append says where it went.</summary>
public sealed class PendingLog(byte[] content)
{
    public byte[] Content => content;

    public LogLocation? Location { get; set; }
}
