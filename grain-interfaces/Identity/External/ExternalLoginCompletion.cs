namespace MolDash.GrainInterfaces.Identity;

/// <summary>What the provider sent back to the callback, and the browser's binding secret.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.ExternalLoginCompletion")]
public sealed record ExternalLoginCompletion(
    [property: Id(0)] string Provider,
    [property: Id(1)] string? Code,
    [property: Id(2)] string? Error,
    [property: Id(3)] string? ErrorDescription,
    [property: Id(4)] string BrowserBinding);
