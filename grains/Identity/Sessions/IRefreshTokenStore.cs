namespace MolDash.Grains.Identity.Sessions;

public interface IRefreshTokenStore
{
    Task AddAsync(string tokenHash, RefreshTokenRecord record, DateTimeOffset now, DateTimeOffset expiresAt);

    /// <summary>Marks a live token used, atomically, so two concurrent refreshes cannot both succeed.</summary>
    /// <returns>The token's session, or null when it was not live.</returns>
    Task<RefreshTokenRecord?> SpendAsync(string tokenHash, DateTimeOffset now);

    /// <returns>The family of a token that exists (live or not) and whether it was already used, or null.</returns>
    Task<(Guid FamilyId, bool Used)?> FamilyOfAsync(string tokenHash);

    Task RevokeFamilyAsync(Guid familyId, DateTimeOffset now);

    Task RevokeUserAsync(Guid userId, Guid orgId, DateTimeOffset now);

    /// <summary>Ends the user's sessions in every org (and Root's platform session): after a password change.</summary>
    Task RevokeAllOfUserAsync(Guid userId, DateTimeOffset now);
}
