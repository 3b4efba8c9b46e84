using Microsoft.Extensions.Options;
using MolDash.Docking.Hosting;
using MolDash.Docking.Telemetry;

namespace MolDash.Docking.Scheduling;

/// <summary>
/// A fixed number of slots (one core each) handed out first come, first served, in front of a
/// bounded queue. Work is admitted as a whole (a batch counts each ligand) before any of it starts,
/// so a request is refused at once rather than half run.
/// </summary>
public sealed class DockingSlots
{
    private readonly Lock _gate = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private readonly int _queueCapacity;
    private int _free;
    private int _admitted;
    private double _averageSeconds = 30;

    public DockingSlots(IOptions<DockingOptions> options, DockingMetrics metrics)
    {
        Slots = options.Value.Slots;
        _queueCapacity = options.Value.QueueCapacity;
        _free = Slots;
        metrics.ObserveQueue(() => Volatile.Read(ref _admitted), () => Slots - Volatile.Read(ref _free));
    }

    public int Slots { get; }

    /// <summary>The most ligands one request can ever be admitted with (an idle service: every slot and queue place).</summary>
    public int MaxAdmissible => _queueCapacity + Slots;

    /// <summary>Reserves queue places for <paramref name="items"/> ligands or throws <see cref="QueueFullException"/>.</summary>
    public SlotAdmission Admit(int items)
    {
        lock (_gate)
        {
            if (_admitted + items > _queueCapacity + _free)
            {
                var ahead = _admitted + (Slots - _free) + items;
                var wait = Math.Clamp(Math.Ceiling(_averageSeconds * ahead / Slots), 1, 3600);
                throw new QueueFullException(TimeSpan.FromSeconds(wait), items);
            }

            _admitted += items;
        }

        return new SlotAdmission(this, items);
    }

    internal async Task<SlotLease> AcquireAsync(int slots, CancellationToken cancellationToken)
    {
        Waiter waiter;
        lock (_gate)
        {
            _admitted--;
            if (_waiters.Count == 0 && _free >= slots)
            {
                _free -= slots;
                return new SlotLease(this, slots);
            }

            waiter = new Waiter(slots);
            waiter.Node = _waiters.AddLast(waiter);
        }

        await using var registration = cancellationToken.Register(() => Abandon(waiter));
        await waiter.Granted.Task;
        return new SlotLease(this, slots);
    }

    internal void ReturnUnused(int items)
    {
        lock (_gate)
        {
            _admitted -= items;
        }
    }

    internal void Release(int slots, TimeSpan held)
    {
        lock (_gate)
        {
            _free += slots;
            _averageSeconds = (0.8 * _averageSeconds) + (0.2 * held.TotalSeconds);
            while (_waiters.First is { } head && _free >= head.Value.Slots)
            {
                _waiters.RemoveFirst();
                _free -= head.Value.Slots;
                head.Value.Granted.TrySetResult();
            }
        }
    }

    private void Abandon(Waiter waiter)
    {
        lock (_gate)
        {
            if (waiter.Node?.List is null)
            {
                return;
            }

            _waiters.Remove(waiter.Node);
        }

        waiter.Granted.TrySetCanceled();
    }

    private sealed class Waiter(int slots)
    {
        public int Slots { get; } = slots;

        public LinkedListNode<Waiter>? Node { get; set; }

        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
