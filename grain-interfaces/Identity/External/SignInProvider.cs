namespace MolDash.GrainInterfaces.Identity;

/// <summary>A provider as the sign-in page shows it to anyone: its name (part of the sign-in URL) and what to call it, nothing else.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.SignInProvider")]
public sealed record SignInProvider(
    [property: Id(0)] string Name,
    [property: Id(1)] string DisplayName);
