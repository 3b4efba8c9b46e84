namespace MolDash.Api.Contracts;

/// <summary>Replaces both lists: what is granted beyond the user's roles and what is withheld from them.</summary>
public sealed record SetPermissionsRequest(IReadOnlyList<string>? Grant, IReadOnlyList<string>? Withhold);
