namespace MolDash.EchoService.Echo;

/// <summary>What one idempotency key has seen: how many attempts ran, and the run whose answer it keeps.</summary>
public sealed class KeyedAttempts
{
    public int Attempts { get; set; }

    public EchoRun? Run { get; set; }
}
