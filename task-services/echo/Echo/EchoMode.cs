namespace MolDash.EchoService.Echo;

/// <summary>How the service answers an echo (the input's "mode").</summary>
public enum EchoMode
{
    /// <summary>200 with the echo.</summary>
    Ok,
    /// <summary>500, every time.</summary>
    Error500,
    /// <summary>200 with a body that is not JSON.</summary>
    Malformed,
    /// <summary>202 with a Location to poll.</summary>
    Async,
    /// <summary>After delayMs, the connection is aborted without an answer (the caller sees a reset).</summary>
    Reset,
    /// <summary>After delayMs, the whole process is killed, as a crash or an OOM kill would end it.</summary>
    Die,
}
