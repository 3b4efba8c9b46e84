namespace MolDash.DemoSeed;

/// <summary>The platform refused a seeding step; the message names the step and the platform's answer.</summary>
public sealed class SeedFailedException(string message) : Exception(message);
