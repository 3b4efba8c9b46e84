namespace MolDash.GrainInterfaces.Jobs;

/// <param name="NextAfterSeq">Pass as <c>afterSeq</c> for the next page; null when this page is the last so far.</param>
[GenerateSerializer, Immutable, Alias("MolDash.JobEventPage")]
public sealed record JobEventPage(
    [property: Id(0)] IReadOnlyList<JobEvent> Items,
    [property: Id(1)] long? NextAfterSeq);
