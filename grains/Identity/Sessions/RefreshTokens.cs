using Microsoft.Extensions.Options;
using MolDash.GrainInterfaces.Identity;

namespace MolDash.Grains.Identity.Sessions;

/// <summary>Starts or continues a session: a new refresh token in <paramref name="familyId"/>'s family.</summary>
public sealed class RefreshTokens(IRefreshTokenStore store, IOptions<RefreshTokenOptions> options, TimeProvider time)
{
    public async Task<SignedIn> IssueAsync(AuthenticatedUser user, Guid familyId)
    {
        var token = OpaqueTokens.New();
        var now = time.GetUtcNow();
        var expires = now + options.Value.RefreshTokenLifetime;
        await store.AddAsync(OpaqueTokens.Hash(token), new RefreshTokenRecord(familyId, user.UserId, user.OrgId), now, expires);
        return new SignedIn(user, token, expires);
    }

    /// <summary>A session of its own, not continuing another.</summary>
    public Task<SignedIn> StartAsync(AuthenticatedUser user) => IssueAsync(user, Guid.NewGuid());
}
