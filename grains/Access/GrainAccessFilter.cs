using System.Reflection;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Users;
using MolDash.Grains.Users;

namespace MolDash.Grains.Access;

/// <summary>
/// Enforces org isolation where the data lives. Every call to a MolDash grain needs a caller in the
/// RequestContext (unless its interface, or the method, allows anonymous calls and then checks a credential
/// of its own); an org member's token must still match their membership (enabled, same roles), checked once
/// per request; and calls to an org-scoped grain are answered as "not found" unless the caller is Root or
/// belongs to the grain's org.
/// </summary>
public sealed class GrainAccessFilter(IGrainFactory grains) : IIncomingGrainCallFilter
{
    private const string VerifiedKey = "moldash.caller.verified";
    private static readonly Assembly GrainInterfacesAssembly = typeof(Caller).Assembly;

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var method = context.InterfaceMethod;
        var contract = method?.DeclaringType;
        if (contract is null || contract.Assembly != GrainInterfacesAssembly
            || contract.IsDefined(typeof(AllowAnonymousCallsAttribute), inherit: false)
            || method!.IsDefined(typeof(AllowAnonymousCallsAttribute), inherit: false))
        {
            await context.Invoke();
            return;
        }

        var caller = CallerContext.Current
            ?? throw new MolDashException(ErrorKind.Unauthenticated, "The call carries no caller identity.");
        await EnsureMembershipIsCurrentAsync(caller);

        if (context.Grain is IOrgOwned owned && !caller.CanAccessOrg(owned.OwnerOrgId))
        {
            // 404, not 403: another org's resources must not even be confirmed to exist.
            throw MolDashException.NotFound("The resource");
        }

        await context.Invoke();
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
        if (membership is not { Active: true } || !membership.Roles.Order(StringComparer.Ordinal).SequenceEqual(caller.Roles.Order(StringComparer.Ordinal)))
        {
            throw new MolDashException(ErrorKind.Unauthenticated,
                "The access token no longer matches the account (disabled, or its roles changed); sign in or refresh again.");
        }

        RequestContext.Set(VerifiedKey, true);
    }
}
