using System.Reflection;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Users;
using MolDash.Grains.Users;

namespace MolDash.Grains.Access;

/// <summary>
/// Enforces org isolation where the data lives. Every call to a MolDash grain needs a caller in the
/// RequestContext (unless its interface allows anonymous calls); an org member's token must still match
/// their membership (enabled, the same security stamp, roles and permissions), checked once per request; and
/// calls to an org-scoped grain are answered as "not found" unless the caller is Root or belongs to the grain's
/// org (or the grain is shared with every org and the method is open to them).
/// </summary>
public sealed class GrainAccessFilter(IGrainFactory grains) : IIncomingGrainCallFilter
{
    private const string VerifiedKey = "moldash.caller.verified";
    private static readonly Assembly GrainInterfacesAssembly = typeof(Caller).Assembly;

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var contract = context.InterfaceMethod?.DeclaringType;
        if (contract is null || contract.Assembly != GrainInterfacesAssembly
            || contract.IsDefined(typeof(AllowAnonymousCallsAttribute), inherit: false))
        {
            await context.Invoke();
            return;
        }

        var caller = CallerContext.Current
            ?? throw new MolDashException(ErrorKind.Unauthenticated, "The call carries no caller identity.");
        await EnsureMembershipIsCurrentAsync(caller);

        if (context.Grain is IOrgOwned owned && !caller.CanAccessOrg(owned.OwnerOrgId) && !IsOpenToOtherOrgs(context))
        {
            // 404, not 403: another org's resources must not even be confirmed to exist.
            throw MolDashException.NotFound("The resource");
        }

        await context.Invoke();
    }

    /// <summary>A method marked open to other orgs, on a grain its owner shares with every org right now.</summary>
    private static bool IsOpenToOtherOrgs(IIncomingGrainCallContext context) =>
        context.Grain is ISharedAcrossOrgs { IsSharedAcrossOrgs: true }
        && context.InterfaceMethod?.IsDefined(typeof(OpenToOtherOrgsAttribute), inherit: false) == true;

    /// <summary>
    /// The first grain of a request checks the member's token against the live membership; the calls it
    /// makes carry the result on in the RequestContext, so one request pays for one check.
    /// </summary>
    private async Task EnsureMembershipIsCurrentAsync(Caller caller)
    {
        if (caller.IsRoot || caller.IsPlatform || RequestContext.Get(VerifiedKey) is true)
        {
            return;
        }

        var membership = caller.OrgId is { } orgId
            ? await grains.GetGrain<IMembershipGrain>(MembershipKey.For(orgId, caller.UserId)).GetAsync()
            : null;
        // The stamp changes with every change to the membership or the password; roles and permissions are
        // compared as well, so a token can never claim more than the membership holds now.
        if (membership is not { Active: true }
            || caller.SecurityStamp is null || membership.SecurityStamp != caller.SecurityStamp
            || !SameSet(membership.Roles, caller.Roles) || !SameSet(membership.Permissions, caller.Permissions))
        {
            throw new MolDashException(ErrorKind.Unauthenticated,
                "The access token no longer matches the account (disabled, its roles, permissions or password changed); sign in or refresh again.");
        }

        RequestContext.Set(VerifiedKey, true);
    }

    private static bool SameSet(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Order(StringComparer.Ordinal).SequenceEqual(b.Order(StringComparer.Ordinal), StringComparer.Ordinal);
}
