using System.Collections.Concurrent;
using MolDash.Grains.Identity.Sessions;

namespace MolDash.Grains.Tests.Infrastructure;

/// <summary>Refresh tokens in memory for grain logic tests; the PostgreSQL store is tested through the API.</summary>
public sealed class InMemoryRefreshTokenStore : IRefreshTokenStore
{
    private readonly ConcurrentDictionary<string, Row> rows = new();

    public Task AddAsync(string tokenHash, RefreshTokenRecord record, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        rows[tokenHash] = new Row(record, expiresAt, Used: false, Revoked: false);
        return Task.CompletedTask;
    }

    public Task<RefreshTokenRecord?> SpendAsync(string tokenHash, DateTimeOffset now)
    {
        if (rows.TryGetValue(tokenHash, out var row) && !row.Used && !row.Revoked && row.ExpiresAt > now
            && rows.TryUpdate(tokenHash, row with { Used = true }, row))
        {
            return Task.FromResult<RefreshTokenRecord?>(row.Record);
        }

        return Task.FromResult<RefreshTokenRecord?>(null);
    }

    public Task<(Guid FamilyId, bool Used)?> FamilyOfAsync(string tokenHash) =>
        Task.FromResult<(Guid, bool)?>(rows.TryGetValue(tokenHash, out var row) ? (row.Record.FamilyId, row.Used) : null);

    public Task RevokeFamilyAsync(Guid familyId, DateTimeOffset now) =>
        RevokeWhereAsync(row => row.Record.FamilyId == familyId);

    public Task RevokeUserAsync(Guid userId, Guid orgId, DateTimeOffset now) =>
        RevokeWhereAsync(row => row.Record.UserId == userId && row.Record.OrgId == orgId);

    public Task RevokeAllOfUserAsync(Guid userId, DateTimeOffset now) =>
        RevokeWhereAsync(row => row.Record.UserId == userId);

    private Task RevokeWhereAsync(Func<Row, bool> match)
    {
        foreach (var (hash, row) in rows.Where(pair => match(pair.Value)))
        {
            rows[hash] = row with { Revoked = true };
        }

        return Task.CompletedTask;
    }

    private sealed record Row(RefreshTokenRecord Record, DateTimeOffset ExpiresAt, bool Used, bool Revoked);
}
