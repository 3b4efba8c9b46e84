namespace MolDash.Testing;

/// <summary>
/// The echo service's GET /stats: runs started, requests answered from a stored run, runs working now,
/// runs that finished the work, runs cancelled before they finished (their key runs again).
/// </summary>
public sealed record EchoStats(long Executions, long Duplicates, long InFlight, long Completed, long Abandoned);
