namespace MolDash.Api.Contracts;

/// <param name="Address">The instance's base address, e.g. http://10.0.0.7:8080/.</param>
public sealed record RegisterInstanceRequest(string? Address);
