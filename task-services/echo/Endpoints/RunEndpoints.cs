using System.Globalization;
using System.Text.RegularExpressions;
using MolDash.EchoService.Echo;

namespace MolDash.EchoService.Endpoints;

/// <summary>GET /runs/{id}: polls an asynchronous echo; <c>Prefer: wait=N</c> long-polls up to N seconds. DELETE cancels it.</summary>
public static partial class RunEndpoints
{
    private const int MaxWaitSeconds = 60;

    public static IEndpointRouteBuilder MapRunEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/runs/{id}", GetAsync);
        app.MapDelete("/runs/{id}", async (string id, EchoRuns runs) => await runs.CancelAsync(id)
            ? Results.NoContent()
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no run {id}."));
        return app;
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, EchoRuns runs, TimeProvider time)
    {
        if (runs.Find(id) is not { } run)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no run {id}.");
        }

        if (!run.Completion.IsCompleted && RequestedWait(http.Request) is { } wait)
        {
            try
            {
                await ((Task)run.Completion).WaitAsync(wait, time, http.RequestAborted);
            }
            catch (TimeoutException)
            {
                // Still running after the wait: answer 202 again.
            }
            catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
            {
                // The run was cancelled: answered below.
            }
        }

        return run.Completion.IsCompleted
            ? await RunResults.OutputAsync(run, http.RequestAborted)
            : RunResults.Accepted(run, http.Response);
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
