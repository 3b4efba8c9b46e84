namespace MolDash.Testing;

/// <summary>The echo service's GET /stats: runs that did the work, requests answered from a stored run, runs working now.</summary>
public sealed record EchoStats(long Executions, long Duplicates, long InFlight);
