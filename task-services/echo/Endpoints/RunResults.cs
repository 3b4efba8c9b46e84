using System.Text.Json.Nodes;
using MolDash.EchoService.Echo;

namespace MolDash.EchoService.Endpoints;

/// <summary>The answers about a run that POST /echo and GET /runs/{id} share.</summary>
public static class RunResults
{
    public static IResult Accepted(EchoRun run, HttpResponse response)
    {
        response.Headers.Location = run.Location;
        response.Headers.RetryAfter = "1";
        var status = new JsonObject { ["id"] = run.Id, ["status"] = "running" };
        return Results.Text(status.ToJsonString(), "application/json", statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>200 with the output once the run is done; 503 when it was cancelled, so the caller may try again.</summary>
    public static async Task<IResult> OutputAsync(EchoRun run, CancellationToken cancellationToken)
    {
        try
        {
            var output = await run.Completion.WaitAsync(cancellationToken);
            return Results.Text(output.ToJsonString(), "application/json");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The run was cancelled before it finished; try again.");
        }
    }

}
