namespace MolDash.Docking.Scheduling;

/// <summary>Queue places reserved for one request; places never used are given back on dispose.</summary>
public sealed class SlotAdmission(DockingSlots slots, int items) : IDisposable
{
    private int _remaining = items;

    public async Task<SlotLease> AcquireAsync(int slotCount, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _remaining) < 0)
        {
            throw new InvalidOperationException("More ligands ran than were admitted.");
        }

        return await slots.AcquireAsync(slotCount, cancellationToken);
    }

    public void Dispose()
    {
        var unused = Interlocked.Exchange(ref _remaining, 0);
        if (unused > 0)
        {
            slots.ReturnUnused(unused);
        }
    }
}
