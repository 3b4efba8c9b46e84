using System.Diagnostics.Metrics;

namespace MolDash.Grains.Jobs;

/// <summary>Job and node-run meters, exported with the silo's other metrics at /metrics.</summary>
public static class JobMetrics
{
    public const string MeterName = "MolDash.Jobs";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Submitted = Meter.CreateCounter<long>("moldash.jobs.submitted", description: "Jobs accepted.");

    public static readonly Counter<long> Finished = Meter.CreateCounter<long>("moldash.jobs.finished", description: "Jobs that reached a final status, by status.");

    public static readonly UpDownCounter<long> Active = Meter.CreateUpDownCounter<long>("moldash.jobs.active", description: "Jobs accepted and not yet finished (this silo's view).");

    public static readonly Histogram<double> QueueWait = Meter.CreateHistogram<double>("moldash.node_runs.queue_wait", "s", "From a node's dispatch to its run getting an instance.");

    public static readonly Histogram<double> RunTime = Meter.CreateHistogram<double>("moldash.node_runs.duration", "s", "From a node's run getting an instance to its end, by task and outcome.");
}
