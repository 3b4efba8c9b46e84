using System.Diagnostics;
using MolDash.Docking.Jobs;

namespace MolDash.Docking.Hosting;

/// <summary>
/// Puts the platform's ids (idempotency key = run id, job, org, trace) on every log line of a request
/// and of the job it starts, under the snake_case names the platform's log queries use.
/// </summary>
public sealed class RequestLogScope(RequestDelegate next, ILogger<RequestLogScope> logger)
{
    public const string JobIdHeader = "X-MolDash-Job-Id";
    public const string OrgIdHeader = "X-MolDash-Org-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        using (logger.BeginScope(new Dictionary<string, object?>
        {
            ["idempotency_key"] = NullIfEmpty(headers[TaskExecutor.IdempotencyKeyHeader].ToString()),
            ["job_id"] = NullIfEmpty(headers[JobIdHeader].ToString()),
            ["org_id"] = NullIfEmpty(headers[OrgIdHeader].ToString()),
            ["trace_id"] = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier,
        }))
        {
            await next(context);
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
