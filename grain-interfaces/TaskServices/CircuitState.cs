namespace MolDash.GrainInterfaces.TaskServices;

/// <summary>An instance's circuit breaker: whether runs may go to it after consecutive failures.</summary>
public enum CircuitState
{
    /// <summary>Runs go to it.</summary>
    Closed = 0,

    /// <summary>Too many consecutive failures: no runs until its cool-down ends.</summary>
    Open = 1,

    /// <summary>The cool-down is over: one trial run decides whether it closes or opens again.</summary>
    HalfOpen = 2,
}
