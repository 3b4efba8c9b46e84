using MolDash.GrainInterfaces.Jobs;

namespace MolDash.GrainInterfaces.Pipelines;

/// <summary>How a pipeline submission was answered: the job, and whether the cache gave it and why.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.PipelineRunResult")]
public sealed record PipelineRunResult(
    [property: Id(0)] JobView Job,
    [property: Id(1)] CacheOutcome Cache,
    [property: Id(2)] string Reason,
    [property: Id(3)] string Signature);
