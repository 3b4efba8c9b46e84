namespace MolDash.Docking.Jobs;

/// <summary>The HTTP answer a finished run gives: status, JSON body (output or ProblemDetails), Retry-After.</summary>
public sealed record TaskOutcome(int StatusCode, object Body, TimeSpan? RetryAfter = null)
{
    public bool IsProblem => StatusCode >= 400;
}
