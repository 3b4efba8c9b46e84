using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MolDash.GrainInterfaces.Identity;

namespace MolDash.Grains.Identity.Sessions;

/// <summary>Makes refresh tokens: 256 random bits for the client, their SHA-256 for the database.</summary>
public sealed class RefreshTokens(IRefreshTokenStore store, IOptions<RefreshTokenOptions> options, TimeProvider time)
{
    public async Task<SignedIn> IssueAsync(AuthenticatedUser user, Guid familyId)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        var expires = now + options.Value.RefreshTokenLifetime;
        await store.AddAsync(Hash(token), new RefreshTokenRecord(familyId, user.UserId, user.OrgId), now, expires);
        return new SignedIn(user, token, expires);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
