using System.Security.Claims;
using MolDash.GrainInterfaces.Access;

namespace MolDash.Api.Auth;

/// <summary>
/// Puts the signed-in user and the client's address into the Orleans RequestContext, where the silo's
/// access filter, the audit log and login throttling read them.
/// </summary>
public sealed class CallerContextMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is { } address)
        {
            ClientAddressContext.Set(address.ToString());
        }

        if (ToCaller(context.User) is { } caller)
        {
            CallerContext.Set(caller);
        }

        return next(context);
    }

    private static Caller? ToCaller(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || !Guid.TryParse(user.FindFirstValue(MolDashClaims.Subject), out var userId))
        {
            return null;
        }

        Guid? orgId = Guid.TryParse(user.FindFirstValue(MolDashClaims.OrgId), out var org) ? org : null;
        // The platform's own role is never a person's, whatever a token says.
        var roles = user.FindAll(MolDashClaims.Role).Select(claim => claim.Value)
            .Where(role => role != MolDashRoles.Platform).ToArray();
        return new Caller(userId, orgId, roles);
    }
}
