using System.Globalization;
using System.Text.Json;

namespace MolDash.Docking.Jobs;

/// <summary>Writes a <see cref="TaskOutcome"/>: JSON or problem+json, with Retry-After when it has one.</summary>
public sealed class OutcomeResult(TaskOutcome outcome, JsonSerializerOptions json) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = outcome.StatusCode;
        if (outcome.RetryAfter is { } retry)
        {
            response.Headers.RetryAfter = Math.Ceiling(retry.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        response.ContentType = outcome.IsProblem ? "application/problem+json" : "application/json";
        await JsonSerializer.SerializeAsync(response.Body, outcome.Body, outcome.Body.GetType(), json, httpContext.RequestAborted);
    }
}
