namespace MolDash.EchoService.Echo;

/// <param name="Executions">Runs that did the work.</param>
/// <param name="Duplicates">Requests answered from the run their idempotency key already had.</param>
/// <param name="InFlight">Runs doing the work now.</param>
public sealed record EchoStats(long Executions, long Duplicates, long InFlight);
