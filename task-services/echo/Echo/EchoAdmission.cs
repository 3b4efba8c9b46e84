namespace MolDash.EchoService.Echo;

/// <summary>What a POST gets: a run (new, or the one its idempotency key already has), or a failure on purpose.</summary>
public sealed record EchoAdmission(EchoRun? Run, int FailedAttempt);
