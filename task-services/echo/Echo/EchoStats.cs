namespace MolDash.EchoService.Echo;

/// <param name="Executions">Runs that did the work.</param>
/// <param name="Duplicates">Requests answered from the run their idempotency key already had.</param>
/// <param name="InFlight">Runs doing the work now.</param>
/// <param name="Completed">Runs that finished the work (an execution is counted when it starts).</param>
/// <param name="Abandoned">Runs cancelled before they finished (their caller went away), whose key runs again on its next attempt.</param>
public sealed record EchoStats(long Executions, long Duplicates, long InFlight, long Completed, long Abandoned);
