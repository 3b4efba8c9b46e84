using Microsoft.Extensions.Options;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Invitations;
using MolDash.GrainInterfaces.Organizations;
using MolDash.Grains.Access;
using MolDash.Grains.Audit;
using MolDash.Grains.Identity;
using MolDash.Grains.Persistence;
using MolDash.Grains.Users;

namespace MolDash.Grains.Invitations;

/// <summary>
/// One activation per org, so two managers cannot invite the same email twice at once. The token is made
/// here, returned once and stored only as its hash; what the invitee will hold is checked now, against
/// what the inviter may hand out.
/// </summary>
[GrainType("moldash-org-invitations")]
public sealed class OrgInvitationsGrain(
    IInvitationStore store,
    IUserAccounts accounts,
    IOrgMemberships memberships,
    IOptions<InvitationOptions> options,
    Auditor auditor,
    TimeProvider time) : Grain, IOrgInvitationsGrain, IOrgOwned
{
    public const int MaxPageSize = 200;

    public Guid OwnerOrgId => this.GetPrimaryKey();

    public async Task<CreatedInvitation> InviteAsync(InvitationDraft draft)
    {
        var caller = RequireManager();
        await GrainFactory.GetGrain<IOrganizationGrain>(OwnerOrgId).GetAsync();
        var email = EmailAddress.Validate(draft.Email);
        var roles = OrgRoles.Validate(draft.Roles);
        var (grant, withhold) = OrgPermissions.Validate(draft.Grant, draft.Withhold);
        DelegationRules.RequireMayAssign(caller, roles, grant);
        var now = time.GetUtcNow();
        if (await accounts.FindByEmailAsync(email) is { } account && await memberships.FindAsync(OwnerOrgId, account.Id) is not null)
        {
            throw new MolDashException(ErrorKind.Conflict, $"{email} is already a member of this organization.");
        }

        if (await store.HasPendingAsync(OwnerOrgId, email, now))
        {
            throw new MolDashException(ErrorKind.Conflict, $"{email} has a pending invitation already; revoke it to invite them again.");
        }

        var token = OpaqueTokens.New();
        var invitation = new InvitationView
        {
            Id = Guid.NewGuid(),
            OrgId = OwnerOrgId,
            Email = email,
            DisplayName = draft.DisplayName.Trim(),
            Roles = roles,
            Grant = grant,
            Withhold = withhold,
            Status = InvitationStatus.Pending,
            CreatedBy = caller.UserId,
            CreatedAt = now,
            ExpiresAt = now + options.Value.Lifetime,
        };
        await store.AddAsync(invitation, OpaqueTokens.Hash(token));
        await auditor.RecordAsync(AuditActions.UserInvited, invitation.Id.ToString(), AuditOutcome.Succeeded, OwnerOrgId, new Dictionary<string, string?>
        {
            ["email"] = email,
            ["roles"] = string.Join(',', roles),
            ["granted"] = string.Join(',', grant),
            ["withheld"] = string.Join(',', withhold),
        });
        return new CreatedInvitation(invitation, token);
    }

    public async Task<InvitationPage> ListPendingAsync(string? after, int limit)
    {
        RequireManager();
        PageSize.Validate(limit, MaxPageSize);
        var items = await store.ListPendingAsync(OwnerOrgId, after is null ? null : KeysetCursor.Decode(after), limit, time.GetUtcNow());
        var next = items.Count == limit ? new KeysetCursor(items[^1].CreatedAt, items[^1].Id).Encode() : null;
        return new InvitationPage(items, next);
    }

    public async Task<InvitationView> RevokeAsync(Guid invitationId)
    {
        RequireManager();
        var invitation = await store.FindAsync(OwnerOrgId, invitationId, time.GetUtcNow()) ?? throw MolDashException.NotFound("The invitation");
        if (invitation.Status == InvitationStatus.Accepted)
        {
            throw new MolDashException(ErrorKind.Conflict,
                $"The invitation was accepted already; disable the user {invitation.Email} instead.");
        }

        if (invitation.Status != InvitationStatus.Revoked && await store.RevokeAsync(OwnerOrgId, invitationId, time.GetUtcNow()))
        {
            await auditor.RecordAsync(AuditActions.InvitationRevoked, invitationId.ToString(), AuditOutcome.Succeeded, OwnerOrgId,
                new Dictionary<string, string?> { ["email"] = invitation.Email });
        }

        return await store.FindAsync(OwnerOrgId, invitationId, time.GetUtcNow()) ?? throw MolDashException.NotFound("The invitation");
    }

    private static Caller RequireManager() => PermissionGuard.Require(MolDashPermissions.UserManage, "manage invitations");
}
