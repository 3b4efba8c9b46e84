using System.Collections.Concurrent;
using MolDash.Grains.Organizations;

namespace MolDash.Grains.Tests.Infrastructure;

/// <summary>First-Admin accounts in memory for grain logic tests; the PostgreSQL one is tested through the API.</summary>
public sealed class InMemoryInitialAdmins : IInitialAdmins
{
    public const string RootEmail = "root@grain.test";

    private readonly ConcurrentDictionary<string, Account> accounts = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentDictionary<(Guid OrgId, Guid UserId), bool> AdminMemberships { get; } = new();

    /// <summary>Makes every first-Admin account of the org fail until <see cref="Heal"/>, after the account row was written.</summary>
    public ConcurrentDictionary<Guid, bool> FailAfterAccountOf { get; } = new();

    public void Heal(Guid orgId) => FailAfterAccountOf.TryRemove(orgId, out _);

    /// <summary>An account that exists before any org names it.</summary>
    public Guid AddExisting(string email)
    {
        var id = Guid.NewGuid();
        accounts[email] = new Account(id, "existing");
        return id;
    }

    public int AccountsWith(string email) => accounts.ContainsKey(email) ? 1 : 0;

    public string? PasswordHashOf(string email) => accounts.TryGetValue(email, out var account) ? account.PasswordHash : null;

    public Task<bool> IsRootAccountAsync(string email) => Task.FromResult(string.Equals(email, RootEmail, StringComparison.OrdinalIgnoreCase));

    public Task<InitialAdminAccount> EnsureAsync(Guid orgId, Guid plannedUserId, string email, string displayName, string passwordHash, DateTimeOffset now)
    {
        var account = accounts.AddOrUpdate(email, _ => new Account(plannedUserId, passwordHash),
            (_, existing) => existing.Id == plannedUserId ? existing with { PasswordHash = passwordHash } : existing);
        if (FailAfterAccountOf.ContainsKey(orgId))
        {
            throw new InvalidOperationException("the metadata database went away");
        }

        AdminMemberships[(orgId, account.Id)] = true;
        return Task.FromResult(new InitialAdminAccount(account.Id, account.Id == plannedUserId));
    }

    public Task SetPasswordHashAsync(Guid userId, string passwordHash)
    {
        foreach (var (email, account) in accounts.Where(pair => pair.Value.Id == userId))
        {
            accounts[email] = account with { PasswordHash = passwordHash };
        }

        return Task.CompletedTask;
    }

    private sealed record Account(Guid Id, string PasswordHash);
}
