namespace MolDash.GrainInterfaces.Identity;

/// <param name="RedirectUri">The API's callback URL, registered at the provider.</param>
/// <param name="BrowserBinding">A secret the API also keeps in the browser (a cookie), so only the browser that started the sign-in can finish it.</param>
/// <param name="OrgId">The org to sign into; null for the provider's default org or the user's only one.</param>
/// <param name="LoginHint">Passed to the provider as login_hint (which account to sign in with).</param>
[GenerateSerializer, Immutable, Alias("MolDash.ExternalLoginStart")]
public sealed record ExternalLoginStart(
    [property: Id(0)] string Provider,
    [property: Id(1)] string RedirectUri,
    [property: Id(2)] string BrowserBinding,
    [property: Id(3)] Guid? OrgId,
    [property: Id(4)] string? LoginHint);
