namespace MolDash.Api.Contracts;

/// <summary>The clone's name and version; either left out keeps the source's.</summary>
public sealed record CloneTaskRequest(string? Name, string? Version);
