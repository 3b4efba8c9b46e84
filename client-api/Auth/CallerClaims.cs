using System.Security.Claims;
using MolDash.GrainInterfaces.Access;

namespace MolDash.Api.Auth;

/// <summary>The grain-call identity of a signed-in principal.</summary>
public static class CallerClaims
{
    public static Caller? ToCaller(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true || !Guid.TryParse(user.FindFirstValue(MolDashClaims.Subject), out var userId))
        {
            return null;
        }

        Guid? orgId = Guid.TryParse(user.FindFirstValue(MolDashClaims.OrgId), out var org) ? org : null;
        // The platform's own role is never a person's, whatever a token says.
        var roles = user.FindAll(MolDashClaims.Role).Select(claim => claim.Value)
            .Where(role => role != MolDashRoles.Platform).ToArray();
        return new Caller(userId, orgId, roles)
        {
            Permissions = [.. user.FindAll(MolDashClaims.Permission).Select(claim => claim.Value)],
            SecurityStamp = user.FindFirstValue(MolDashClaims.SecurityStamp),
        };
    }
}
