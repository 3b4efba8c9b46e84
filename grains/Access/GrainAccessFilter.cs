using System.Reflection;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Access;

/// <summary>
/// Enforces org isolation where the data lives. Every call to a MolDash grain needs a caller in the
/// RequestContext (unless its interface allows anonymous calls), and calls to an org-scoped grain are
/// answered as "not found" unless the caller is Root or belongs to the grain's org.
/// </summary>
public sealed class GrainAccessFilter : IIncomingGrainCallFilter
{
    private static readonly Assembly GrainInterfacesAssembly = typeof(Caller).Assembly;

    public Task Invoke(IIncomingGrainCallContext context)
    {
        var contract = context.InterfaceMethod?.DeclaringType;
        if (contract is null || contract.Assembly != GrainInterfacesAssembly)
        {
            return context.Invoke();
        }

        if (contract.IsDefined(typeof(AllowAnonymousCallsAttribute), inherit: false))
        {
            return context.Invoke();
        }

        var caller = CallerContext.Current
            ?? throw new MolDashException(ErrorKind.Unauthenticated, "The call carries no caller identity.");

        if (context.Grain is IOrgOwned owned && !caller.CanAccessOrg(owned.OwnerOrgId))
        {
            // 404, not 403: another org's resources must not even be confirmed to exist.
            throw MolDashException.NotFound("The resource");
        }

        return context.Invoke();
    }
}
