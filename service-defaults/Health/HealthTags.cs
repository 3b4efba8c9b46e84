namespace MolDash.ServiceDefaults.Health;

public static class HealthTags
{
    /// <summary>Checks that decide whether the process should receive traffic (/readyz).</summary>
    public const string Ready = "ready";
}
