using System.Data.Common;
using Microsoft.Extensions.Logging;
using MolDash.GrainInterfaces.Errors;
using Npgsql;
using Orleans.Storage;

namespace MolDash.Grains.Persistence;

/// <summary>
/// Turns a database outage met in a grain call (PostgreSQL restarting, failing over or unreachable) into a
/// 503 the caller may retry, instead of an infrastructure exception without an Orleans codec that the API
/// could only answer with a 500. The activation is let go: a failed write may have left its state in memory
/// ahead of what is stored (or behind the stored ETag, when the server committed it but the answer was lost),
/// and the next call reads it again from storage.
/// </summary>
public sealed class DatabaseOutageFilter(ILogger<DatabaseOutageFilter> logger) : IIncomingGrainCallFilter
{
    /// <summary>What the 503 suggests: about the time a restarting PostgreSQL takes to accept connections again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    // The server is shutting down, crashed, or still starting (57P01, 57P02, 57P03).
    private const string AdminShutdown = "57P01";
    private const string CrashShutdown = "57P02";
    private const string CannotConnectNow = "57P03";

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception e) when (IsOutage(e))
        {
            logger.LogWarning(e, "{Grain}.{Method} met a database outage; the activation is let go", context.Grain.GetType().Name, context.InterfaceMethod?.Name);
            if (context.Grain is IGrainBase grain)
            {
                grain.DeactivateOnIdle();
            }

            throw new MolDashException(ErrorKind.Unavailable, "The database is unavailable; try again in a few seconds.") { RetryAfter = RetryAfter };
        }
    }

    /// <summary>
    /// A transient database failure (not a constraint or a bad query: the server is down, restarting or unreachable)
    /// or a lost write's ETag conflict, however wrapped.
    /// </summary>
    public static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { IsTransient: true } or PostgresException { SqlState: AdminShutdown or CrashShutdown or CannotConnectNow } or InconsistentStateException)
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsOutage))
            {
                return true;
            }
        }

        return false;
    }
}
