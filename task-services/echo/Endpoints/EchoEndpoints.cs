using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using MolDash.EchoService.Echo;

namespace MolDash.EchoService.Endpoints;

/// <summary>POST /echo: the task operation (see the OpenAPI document for what each mode does).</summary>
public static class EchoEndpoints
{
    private const string NotJson = "this is not JSON {";

    public static IEndpointRouteBuilder MapEchoEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/echo", EchoAsync);
        return app;
    }

    private static async Task<IResult> EchoAsync(HttpContext http, EchoRuns runs)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not JSON.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (EchoInput.Parse(body, errors) is not { } input)
        {
            return Results.ValidationProblem(errors, statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        switch (input.Mode)
        {
            case EchoMode.Error500:
                return Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Failing on purpose (mode error500).");
            case EchoMode.Malformed:
                return Results.Text(NotJson, "application/json", statusCode: StatusCodes.Status200OK);
            case EchoMode.Reset:
                await Task.Delay(input.DelayMs, http.RequestAborted);
                http.Abort();
                return Results.Empty;
            case EchoMode.Die:
                await Task.Delay(input.DelayMs, http.RequestAborted);
                // SIGKILL to itself: no graceful shutdown, no answer, no deregistration.
                Process.GetCurrentProcess().Kill();
                return Results.Empty;
        }

        var admission = runs.Admit(http.Request.Headers["Idempotency-Key"].FirstOrDefault(), input, http.RequestAborted);
        if (admission.Run is not { } run)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status500InternalServerError,
                title: $"Failing on purpose: attempt {admission.FailedAttempt} of the {input.FailTimes} that fail.");
        }

        return run.IsAsync ? RunResults.Accepted(run, http.Response) : await RunResults.OutputAsync(run, http.RequestAborted);
    }
}
