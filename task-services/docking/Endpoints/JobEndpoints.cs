using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MolDash.Docking.Hosting;
using MolDash.Docking.Jobs;

namespace MolDash.Docking.Endpoints;

/// <summary>
/// Polling and cancelling asynchronous runs. GET answers 202 with the status (and the status as ETag)
/// while the job runs and, once finished, the operation's own answer: 200 with its output or its
/// ProblemDetails. <c>Prefer: wait=N</c> long-polls up to N s: until the job finishes, or, with
/// <c>If-None-Match: "status"</c>, until its status is another than the one the caller has seen.
/// </summary>
public static partial class JobEndpoints
{
    private const int MaxWaitSeconds = 60;

    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/jobs").WithTags("jobs");
        jobs.MapGet("/{id}", GetAsync);
        jobs.MapDelete("/{id}", CancelAsync);
        return app;
    }

    private static async Task<IResult> GetAsync(
        string id, HttpContext http, JobStore store, ProblemFactory problems, IOptions<DockingJsonOptions> json, TimeProvider time)
    {
        if (store.Find(id) is not { } job)
        {
            return TypedResults.Problem(problems.NotFound(id));
        }

        if (!job.IsFinished && RequestedWait(http.Request) is { } wait)
        {
            try
            {
                var seen = http.Request.Headers.IfNoneMatch.ToString().Trim('"');
                await (Enum.TryParse<JobState>(seen, ignoreCase: true, out var state)
                    ? job.WhenStateIsNotAsync(state, wait, time, http.RequestAborted)
                    : job.Completion.WaitAsync(wait, time, http.RequestAborted));
            }
            catch (TimeoutException)
            {
                // Nothing changed within the wait: answer with the current status.
            }
        }

        if (job.Outcome is { } outcome)
        {
            return new OutcomeResult(outcome, json.Value.Serializer);
        }

        http.Response.Headers.RetryAfter = "2";
        http.Response.Headers.ETag = $"\"{job.State.ToString().ToLowerInvariant()}\"";
        return TypedResults.Accepted("/jobs/" + job.Id, JobStatusDocument.Of(job));
    }

    private static async Task<IResult> CancelAsync(string id, JobStore store, ProblemFactory problems)
    {
        if (store.Find(id) is not { } job)
        {
            return TypedResults.Problem(problems.NotFound(id));
        }

        if (job.State is JobState.Succeeded or JobState.Failed)
        {
            return TypedResults.Problem(problems.AlreadyFinished(id));
        }

        await job.Cancellation.CancelAsync();

        // Answer once the engines are killed and the scratch folder is gone.
        await job.Completion;
        return TypedResults.NoContent();
    }

    private static TimeSpan? RequestedWait(HttpRequest request)
    {
        foreach (var value in request.Headers["Prefer"])
        {
            var match = WaitPreference().Match(value ?? "");
            if (match.Success)
            {
                var seconds = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                return TimeSpan.FromSeconds(Math.Min(seconds, MaxWaitSeconds));
            }
        }

        return null;
    }

    [GeneratedRegex(@"\bwait=(\d{1,6})\b")]
    private static partial Regex WaitPreference();
}
