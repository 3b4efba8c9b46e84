namespace MolDash.Docking.Jobs;

/// <summary>Body of 202 answers: where and how to follow an asynchronous run.</summary>
public sealed record JobStatusDocument(string Id, string Operation, string Status, DateTimeOffset CreatedAt, string Location)
{
    public static JobStatusDocument Of(Job job) =>
        new(job.Id, job.Operation, job.State.ToString().ToLowerInvariant(), job.CreatedAt, "/jobs/" + job.Id);
}
