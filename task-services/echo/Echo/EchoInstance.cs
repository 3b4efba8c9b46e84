namespace MolDash.EchoService.Echo;

/// <summary>The name this process reports in its outputs, so a test can tell which instance ran a call.</summary>
public sealed record EchoInstance(string Name);
