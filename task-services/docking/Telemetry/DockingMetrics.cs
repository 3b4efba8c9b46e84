using System.Diagnostics.Metrics;

namespace MolDash.Docking.Telemetry;

/// <summary>Instruments of the service, exported in Prometheus format at /metrics.</summary>
public sealed class DockingMetrics : IDisposable
{
    public const string MeterName = "MolDash.Docking";

    private readonly Meter _meter;
    private readonly Counter<long> _runs;
    private readonly Histogram<double> _runDuration;
    private readonly Histogram<double> _vinaDuration;
    private int _processes;

    public DockingMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _runs = _meter.CreateCounter<long>("moldash.docking.runs", description: "Finished task runs by operation and outcome.");
        _runDuration = _meter.CreateHistogram<double>("moldash.docking.run.duration", "s", "Wall time of a task run.");
        _vinaDuration = _meter.CreateHistogram<double>("moldash.docking.vina.duration", "s", "Wall time of one Vina docking.");
        _meter.CreateObservableGauge("moldash.docking.processes", () => Volatile.Read(ref _processes), description: "Engine processes running now.");
    }

    public void ObserveQueue(Func<int> queueLength, Func<int> busySlots)
    {
        _meter.CreateObservableGauge("moldash.docking.queue.length", queueLength, description: "Ligands admitted and waiting for a slot.");
        _meter.CreateObservableGauge("moldash.docking.slots.busy", busySlots, description: "Slots held by running dockings.");
    }

    public void RunFinished(string operation, string outcome, TimeSpan duration)
    {
        _runs.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("outcome", outcome));
        _runDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("operation", operation));
    }

    public void VinaFinished(TimeSpan duration) => _vinaDuration.Record(duration.TotalSeconds);

    public IDisposable TrackProcess()
    {
        Interlocked.Increment(ref _processes);
        return new Decrement(this);
    }

    public void Dispose() => _meter.Dispose();

    private sealed class Decrement(DockingMetrics owner) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                Interlocked.Decrement(ref owner._processes);
            }
        }
    }
}
