using System.Collections.Concurrent;
using System.Reflection;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Users;
using MolDash.Grains.Organizations;
using MolDash.Grains.Users;

namespace MolDash.Grains.Access;

/// <summary>
/// Enforces org isolation where the data lives. Every call to a MolDash grain needs a caller in the
/// RequestContext (unless its interface, or the method, allows anonymous calls and then checks a credential
/// of its own); an org member's token must still match their membership (enabled, the same security stamp,
/// roles and permissions), checked once per request; and calls to an org-scoped grain are answered as
/// "not found" unless the caller is Root or belongs to the grain's org (or the grain is shared with every
/// org and the method is open to them), and, for Root, unless the org is being or was deleted.
/// </summary>
public sealed class GrainAccessFilter(IGrainFactory grains, IOrganizationCatalog organizations) : IIncomingGrainCallFilter
{
    private const string VerifiedKey = "moldash.caller.verified";
    private const string PresentOrgKey = "moldash.org.present";
    private static readonly Assembly GrainInterfacesAssembly = typeof(Caller).Assembly;

    // Every grain call passes here: what a method's attributes say is read once per method, not per call.
    private static readonly ConcurrentDictionary<MethodInfo, MethodAccess> Access = new();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var access = context.InterfaceMethod is { } method ? Access.GetOrAdd(method, MethodAccess.Of) : MethodAccess.Unchecked;
        if (access.Anonymous)
        {
            await context.Invoke();
            return;
        }

        var caller = CallerContext.Current
            ?? throw new MolDashException(ErrorKind.Unauthenticated, "The call carries no caller identity.");
        await EnsureMembershipIsCurrentAsync(caller);

        if (context.Grain is IOrgOwned owned && !caller.CanAccessOrg(owned.OwnerOrgId)
            && !(access.OpenToOtherOrgs && context.Grain is ISharedAcrossOrgs { IsSharedAcrossOrgs: true }))
        {
            // 404, not 403: another org's resources must not even be confirmed to exist.
            throw MolDashException.NotFound("The resource");
        }

        if (caller.IsRoot && context.Grain is IOrgOwned orgData && context.Grain is not OrganizationGrain)
        {
            await EnsureOrgIsPresentAsync(orgData.OwnerOrgId);
        }

        await context.Invoke();
    }

    /// <summary>
    /// A member of a deleted org is shut out by their membership; Root has none, so Root's calls check that
    /// the org still exists (once per request and org), or the grains still holding its data in memory would answer.
    /// The organization grain answers for itself, deleting or gone.
    /// </summary>
    private async Task EnsureOrgIsPresentAsync(Guid orgId)
    {
        if (RequestContext.Get(PresentOrgKey) is Guid present && present == orgId)
        {
            return;
        }

        if (await organizations.IsGoneAsync(orgId))
        {
            throw MolDashException.NotFound("The resource");
        }

        RequestContext.Set(PresentOrgKey, orgId);
    }

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

    /// <param name="Anonymous">Not a MolDash contract, or one (or a method) that checks a credential of its own.</param>
    /// <param name="OpenToOtherOrgs">Marked open to other orgs, for grains their owner shares with every org.</param>
    private sealed record MethodAccess(bool Anonymous, bool OpenToOtherOrgs)
    {
        public static readonly MethodAccess Unchecked = new(true, false);

        public static MethodAccess Of(MethodInfo method)
        {
            var contract = method.DeclaringType;
            var anonymous = contract is null || contract.Assembly != GrainInterfacesAssembly
                || contract.IsDefined(typeof(AllowAnonymousCallsAttribute), inherit: false)
                || method.IsDefined(typeof(AllowAnonymousCallsAttribute), inherit: false);
            return new MethodAccess(anonymous, method.IsDefined(typeof(OpenToOtherOrgsAttribute), inherit: false));
        }
    }
}
