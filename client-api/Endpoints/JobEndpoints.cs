using System.Security.Claims;
using MolDash.Api.Errors;
using MolDash.GrainInterfaces.Jobs;

namespace MolDash.Api.Endpoints;

/// <summary>An org's jobs: listing, status, timeline, results and cancel. Another org's job id is a 404.</summary>
public static class JobEndpoints
{
    private const int DefaultPageSize = 50;

    public static RouteGroupBuilder MapJobEndpoints(this RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/jobs").WithTags("Jobs");
        jobs.MapGet("/", ListAsync)
            .WithSummary("List the org's jobs a page at a time: filter by status, kind, target (name or name@version), submitter and creation time; newest or oldest first.");
        jobs.MapGet("/{jobId:guid}", GetAsync)
            .WithSummary("A job as it stands: status, progress, and each node's status, attempts, instance and timings.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapPost("/{jobId:guid}/cancel", CancelAsync)
            .WithSummary("Cancel a job: running nodes are stopped, waiting ones skipped. A finished job is left as it is.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapGet("/{jobId:guid}/events", EventsAsync)
            .WithSummary("The job's timeline in order, after a sequence number (afterSeq), a page at a time.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapGet("/{jobId:guid}/logs", LogsAsync)
            .WithSummary("The job's log as plain text: one line per event; a finished job's log is the one kept in blob storage (its logsUri).")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapGet("/{jobId:guid}/results", ResultsAsync)
            .WithSummary("Each finished node's output (scores, poses), confidence, attempts and timings, in node order, a page at a time.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(
        ClaimsPrincipal user, IClusterClient cluster, Guid? orgId, JobStatus? status, JobKind? kind, string? target, Guid? submittedBy,
        DateTimeOffset? createdFrom, DateTimeOffset? createdBefore, JobSort? sort, string? after, int? limit)
    {
        var validation = new RequestValidation();
        if (RequestOrg.Resolve(user, orgId, validation) is not { } org)
        {
            return validation.ToProblem();
        }

        var query = new JobQuery
        {
            Status = status,
            Kind = kind,
            Target = string.IsNullOrWhiteSpace(target) ? null : target.Trim(),
            SubmittedBy = submittedBy,
            CreatedFrom = createdFrom,
            CreatedBefore = createdBefore,
            Sort = sort ?? JobSort.NewestFirst,
        };
        return TypedResults.Ok(await cluster.GetGrain<IJobDirectoryGrain>(org).ListAsync(query, after, limit ?? DefaultPageSize));
    }

    private static Task<IResult> GetAsync(Guid jobId, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnJobAsync(jobId, user, cluster, orgId, async job => TypedResults.Ok(await job.GetAsync()));

    private static Task<IResult> CancelAsync(Guid jobId, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnJobAsync(jobId, user, cluster, orgId, async job => TypedResults.Ok(await job.CancelAsync()));

    private static Task<IResult> EventsAsync(Guid jobId, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId, long? afterSeq, int? limit) =>
        OnJobAsync(jobId, user, cluster, orgId, async job => TypedResults.Ok(await job.GetEventsAsync(afterSeq ?? 0, limit ?? 100)));

    private static Task<IResult> LogsAsync(Guid jobId, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnJobAsync(jobId, user, cluster, orgId, async job => TypedResults.Text(await job.GetLogAsync(), "text/plain; charset=utf-8"));

    private static Task<IResult> ResultsAsync(Guid jobId, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId, string? after, int? limit) =>
        OnJobAsync(jobId, user, cluster, orgId, async job => TypedResults.Ok(await job.GetResultsAsync(after, limit ?? DefaultPageSize)));

    private static async Task<IResult> OnJobAsync(Guid jobId, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId, Func<IJobGrain, Task<IResult>> action)
    {
        var validation = new RequestValidation();
        if (RequestOrg.Resolve(user, orgId, validation) is not { } org)
        {
            return validation.ToProblem();
        }

        return await action(cluster.GetGrain<IJobGrain>(JobKey.Format(org, jobId)));
    }
}
