using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using MolDash.Docking.Processes;
using MolDash.Docking.Scheduling;
using MolDash.Docking.Validation;

namespace MolDash.Docking.Jobs;

/// <summary>
/// Turns failures into RFC 9457 problems. Engine diagnostics (stderr) go to the log only; the answer
/// names the engine and the trace id to look them up by.
/// </summary>
public sealed class ProblemFactory(ILogger<ProblemFactory> logger)
{
    private const string TypeBase = "https://moldash.dev/problems/";

    public TaskOutcome FromException(Exception exception)
    {
        switch (exception)
        {
            case InputException input:
                return new TaskOutcome(StatusCodes.Status422UnprocessableEntity, WithTrace(new ValidationProblemDetails(input.Errors.ToDictionary())
                {
                    Type = TypeBase + "invalid-input",
                    Title = "The input is not valid.",
                    Status = StatusCodes.Status422UnprocessableEntity,
                    Detail = input.Message,
                }));
            case QueueFullException full:
                return new TaskOutcome(StatusCodes.Status429TooManyRequests, Problem(
                    StatusCodes.Status429TooManyRequests, "queue-full", "The docking queue is full.",
                    $"{full.Message} Retry after {full.RetryAfter.TotalSeconds:F0} s."), full.RetryAfter);
            case ToolFailedException tool:
                logger.LogError("{Tool} failed: {Reason}. Diagnostic: {Diagnostic}", tool.Tool, tool.Reason, tool.Diagnostic);
                return new TaskOutcome(StatusCodes.Status500InternalServerError, Problem(
                    StatusCodes.Status500InternalServerError, "engine-failed", "A chemistry engine failed.",
                    $"{tool.Tool}: {tool.Reason}. The engine's messages are in the service log under this trace id."));
            case BadHttpRequestException bad:
                return new TaskOutcome(bad.StatusCode, Problem(bad.StatusCode, "bad-request", "The request could not be read.", bad.Message));
            default:
                logger.LogError(exception, "Unexpected failure");
                return new TaskOutcome(StatusCodes.Status500InternalServerError, Problem(
                    StatusCodes.Status500InternalServerError, "internal", "Unexpected error.",
                    "The service log has the details under this trace id."));
        }
    }

    public TaskOutcome Cancelled(string jobId) => new(StatusCodes.Status409Conflict, Problem(
        StatusCodes.Status409Conflict, "cancelled", "The job was cancelled.", $"Job {jobId} was cancelled before it finished."));

    public ProblemDetails NotFound(string jobId) => Problem(
        StatusCodes.Status404NotFound, "not-found", "No such job.", $"There is no job {jobId} (finished jobs are forgotten after the retention time).");

    public ProblemDetails AlreadyFinished(string jobId) => Problem(
        StatusCodes.Status409Conflict, "already-finished", "The job has already finished.", $"Job {jobId} finished; there is nothing to cancel.");

    private static ProblemDetails Problem(int status, string type, string title, string detail) =>
        WithTrace(new ProblemDetails { Type = TypeBase + type, Title = title, Status = status, Detail = detail });

    private static T WithTrace<T>(T problem)
        where T : ProblemDetails
    {
        if (Activity.Current?.TraceId.ToString() is { } traceId)
        {
            problem.Extensions["traceId"] = traceId;
        }

        return problem;
    }
}
