using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Identity;
using MolDash.Grains.Audit;
using MolDash.Grains.Users;
using Orleans.Concurrency;

namespace MolDash.Grains.Identity.Sessions;

[StatelessWorker]
[GrainType("moldash-session")]
public sealed class SessionGrain(
    IRefreshTokenStore store,
    RefreshTokens tokens,
    IUserAccounts accounts,
    IOrgMemberships memberships,
    Auditor auditor,
    TimeProvider time) : Grain, ISessionGrain
{
    public async Task<SignedIn?> RefreshAsync(string refreshToken)
    {
        var hash = OpaqueTokens.Hash(refreshToken);
        var session = await store.SpendAsync(hash, time.GetUtcNow());
        if (session is null)
        {
            await RevokeIfReusedAsync(hash);
            return null;
        }

        var user = await CurrentUserAsync(session);
        if (user is null)
        {
            await store.RevokeFamilyAsync(session.FamilyId, time.GetUtcNow());
            return null;
        }

        return await tokens.IssueAsync(user, session.FamilyId);
    }

    public async Task RevokeAsync(string refreshToken)
    {
        if (await store.FamilyOfAsync(OpaqueTokens.Hash(refreshToken)) is { } family)
        {
            await store.RevokeFamilyAsync(family.FamilyId, time.GetUtcNow());
            await auditor.RecordAsync(AuditActions.Logout, family.FamilyId.ToString(), AuditOutcome.Succeeded);
        }
    }

    /// <summary>A used token shown again was copied: whoever holds the family's live token loses it too.</summary>
    private async Task RevokeIfReusedAsync(string hash)
    {
        if (await store.FamilyOfAsync(hash) is { Used: true } family)
        {
            await store.RevokeFamilyAsync(family.FamilyId, time.GetUtcNow());
            await auditor.RecordAsync(AuditActions.RefreshTokenReused, family.FamilyId.ToString(), AuditOutcome.Denied);
        }
    }

    /// <summary>The user as they are now: changed roles or permissions, or a disabled membership, take effect at the next refresh.</summary>
    private async Task<AuthenticatedUser?> CurrentUserAsync(RefreshTokenRecord session)
    {
        var account = await accounts.FindByIdAsync(session.UserId);
        if (account is null || account.Disabled)
        {
            return null;
        }

        if (account.IsRoot)
        {
            return account.AsRoot();
        }

        var membership = (await memberships.ActiveMembershipsAsync(account.Id)).FirstOrDefault(m => m.OrgId == session.OrgId);
        return membership?.SignedIn(account.Id, account.Email);
    }
}
