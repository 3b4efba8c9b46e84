using MolDash.GrainInterfaces.Jobs;

namespace MolDash.Grains.Jobs;

/// <summary>One job's write to its org's results database: its row, its new events and its node results.</summary>
public sealed record JobRecordWrite(JobSummary Job, IReadOnlyList<JobEvent> Events, IReadOnlyList<NodeResult> Results);
