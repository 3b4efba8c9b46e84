using MolDash.Grains.Identity.Passwords;

namespace MolDash.Grains.Tests.Infrastructure;

/// <summary>Lets the org users grain activate in grain tests; password resets are tested against PostgreSQL through the API.</summary>
public sealed class UnusedPasswordResetStore : IPasswordResetStore
{
    public Task IssueAsync(string tokenHash, Guid userId, Guid orgId, Guid createdBy, DateTimeOffset now, DateTimeOffset expiresAt) =>
        throw new NotSupportedException("Password resets are tested against PostgreSQL.");

    public Task<PasswordResetRecord?> FindAsync(string tokenHash) =>
        throw new NotSupportedException("Password resets are tested against PostgreSQL.");

    public Task<IReadOnlyList<Guid>?> CompleteAsync(string tokenHash, string passwordHash, DateTimeOffset now) =>
        throw new NotSupportedException("Password resets are tested against PostgreSQL.");
}
