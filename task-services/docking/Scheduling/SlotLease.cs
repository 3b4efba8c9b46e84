using System.Diagnostics;

namespace MolDash.Docking.Scheduling;

/// <summary>Slots held by one running docking; released on dispose.</summary>
public sealed class SlotLease(DockingSlots owner, int slots) : IDisposable
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private int _released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            owner.Release(slots, Stopwatch.GetElapsedTime(_start));
        }
    }
}
