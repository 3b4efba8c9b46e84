namespace MolDash.GrainInterfaces.Jobs;

/// <summary>Filters of the job listing; null means "any". <see cref="Target"/> matches exactly ("dock@1.0.0") or by name ("dock").</summary>
[GenerateSerializer, Immutable, Alias("MolDash.JobQuery")]
public sealed record JobQuery
{
    [Id(0)] public JobStatus? Status { get; init; }
    [Id(1)] public JobKind? Kind { get; init; }
    [Id(2)] public string? Target { get; init; }
    [Id(3)] public Guid? SubmittedBy { get; init; }
    [Id(4)] public DateTimeOffset? CreatedFrom { get; init; }
    [Id(5)] public DateTimeOffset? CreatedBefore { get; init; }
    [Id(6)] public JobSort Sort { get; init; } = JobSort.NewestFirst;
}
