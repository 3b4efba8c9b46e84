using MolDash.Testing;

namespace MolDash.Integration.Tests.Reliability;

/// <summary>One fault run's figures, as a row of the table in docs/reliability.md.</summary>
/// <param name="Duplicates">Node runs the task service completed more often than there were distinct runs accepted: work done twice.</param>
/// <param name="Restarted">Runs the task service started but lost their caller before finishing (a killed silo's calls), run again under the same key.</param>
/// <param name="Retried">Answers that asked a client to try again (503, 429, refused or dropped connections), each retried with the same Idempotency-Key.</param>
/// <param name="ServerErrors">500s: every one is a bug.</param>
/// <param name="ServeAgainSeconds">From the fault until the first job submitted after it completed.</param>
public sealed record FaultRun(
    string Scenario,
    string Load,
    string Fault,
    int Accepted,
    int Succeeded,
    int Failed,
    int Lost,
    long Duplicates,
    long Restarted,
    int Retried,
    int ServerErrors,
    double? ServeAgainSeconds,
    string Notes)
{
    /// <summary>The figures of a run, from the clients' tally, the jobs' final statuses and the echo service's counts.</summary>
    /// <param name="completionsExpected">How many runs the echo service should complete: one per accepted job unless some are meant to fail.</param>
    public static FaultRun Of(
        string scenario, string load, string fault, FaultTally tally, IReadOnlyDictionary<Guid, string> statuses,
        EchoStats before, EchoStats after, TimeSpan? serveAgain, string notes = "", int? completionsExpected = null) => new(
        scenario,
        load,
        fault,
        tally.AcceptedCount,
        statuses.Values.Count(status => status == "Succeeded"),
        statuses.Values.Count(status => status is "Failed" or "Cancelled"),
        statuses.Values.Count(status => status is not ("Succeeded" or "Failed" or "Cancelled")),
        after.Completed - before.Completed - (completionsExpected ?? tally.AcceptedCount),
        after.Abandoned - before.Abandoned,
        tally.Retried,
        tally.ServerErrors,
        serveAgain?.TotalSeconds,
        notes);

    /// <summary>What a user must see after a fault that should not have cost anything: every accepted job succeeded, once, and no 500.</summary>
    public void AssertEveryAcceptedJobSucceededOnce()
    {
        Assert.Equal(Accepted, Succeeded);
        Assert.Equal(0, Lost);
        Assert.Equal(0, Duplicates);
        Assert.Equal(0, ServerErrors);
    }
}
