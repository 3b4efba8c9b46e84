using MolDash.GrainInterfaces.Jobs;

namespace MolDash.Grains.Pipelines;

/// <summary>
/// What planning a run of a published version gave: the tasks it runs (checked against each caller's permissions),
/// the job's nodes, the artifacts its inputs name and its input signature.
/// </summary>
public sealed record PlannedRun(
    IReadOnlyList<(string Name, string Category)> Tasks,
    IReadOnlyList<JobNode> Nodes,
    IReadOnlyList<Guid> Artifacts,
    string Signature);
