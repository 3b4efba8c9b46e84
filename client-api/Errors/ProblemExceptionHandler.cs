using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using MolDash.GrainInterfaces.Errors;
using Orleans.Runtime;
using Orleans.Serialization;

namespace MolDash.Api.Errors;

/// <summary>
/// Turns exceptions into ProblemDetails: a user's mistake is a specific 4xx with the reason, an
/// unreachable cluster is a 503 to retry, and anything else a 500 that names only the trace id.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>About the time a restarting PostgreSQL takes to accept connections again.</summary>
    private static readonly TimeSpan DatabaseRetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            MolDashException e => (StatusFor(e.Kind), TitleFor(e.Kind), e.Message),
            BadHttpRequestException e => (e.StatusCode, "Bad request", e.Message),
            // A JSON body read as a JsonElement keeps its bytes; invalid UTF-8 in it fails only when its text is read.
            _ when exception is DecoderFallbackException || exception.InnerException is DecoderFallbackException =>
                (StatusCodes.Status400BadRequest, "Bad request", "The request body is not valid UTF-8 text."),
            SiloUnavailableException or OrleansMessageRejectionException or TimeoutException =>
                (StatusCodes.Status503ServiceUnavailable, "Service unavailable", "The cluster did not answer in time; try again."),
            _ when IsDatabaseFailure(exception) =>
                (StatusCodes.Status503ServiceUnavailable, "Service unavailable", "The database is unavailable; try again in a few seconds."),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "An unexpected error occurred; quote the trace id when reporting it."),
        };

        if (status >= 500)
        {
            logger.LogError(exception, "Request failed with {Status}", status);
        }

        httpContext.Response.StatusCode = status;
        var retryAfter = exception is MolDashException { RetryAfter: { } after } ? after : IsDatabaseFailure(exception) ? DatabaseRetryAfter : (TimeSpan?)null;
        if (retryAfter is { } wait)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = exception is MolDashException { Errors.Count: > 0 } invalid
                ? FieldProblem(invalid, status, title)
                : new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>
    /// A database failure the grains did not translate: a grain whose state could not be read fails to activate with
    /// Npgsql's exception (or, where its type cannot be loaded, Orleans' stand-in naming it). The database is down or
    /// restarting; asking again later is all a client can do.
    /// </summary>
    private static bool IsDatabaseFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException || (e is UnavailableExceptionFallbackException fallback && fallback.ExceptionType?.StartsWith("Npgsql.", StringComparison.Ordinal) == true))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Errors keyed by JSON pointer, like the API's own field errors.</summary>
    private static HttpValidationProblemDetails FieldProblem(MolDashException exception, int status, string title) =>
        new(exception.Errors.GroupBy(error => error.Pointer, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(error => error.Message).ToArray(), StringComparer.Ordinal))
        {
            Status = status,
            Title = title,
            Detail = exception.Message,
        };

    internal static int StatusFor(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Validation => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        ErrorKind.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ErrorKind.Gone => StatusCodes.Status410Gone,
        _ => StatusCodes.Status500InternalServerError,
    };

    internal static string TitleFor(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => "Not found",
        ErrorKind.Conflict => "Conflict",
        ErrorKind.Validation => "Validation failed",
        ErrorKind.Unauthenticated => "Not signed in",
        ErrorKind.Forbidden => "Forbidden",
        ErrorKind.TooManyRequests => "Too many attempts",
        ErrorKind.PayloadTooLarge => "Too large",
        ErrorKind.UnsupportedMediaType => "Unsupported format",
        ErrorKind.Gone => "No longer valid",
        _ => "Service unavailable",
    };
}
