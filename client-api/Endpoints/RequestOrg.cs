using System.Security.Claims;
using MolDash.Api.Auth;
using MolDash.Api.Errors;

namespace MolDash.Api.Endpoints;

/// <summary>The org a request acts in: the caller's own, or the one Root names with <c>?orgId=</c>.</summary>
public static class RequestOrg
{
    /// <summary>Null (with the reason added to <paramref name="validation"/>) when the caller has no org and names none.</summary>
    public static Guid? Resolve(ClaimsPrincipal user, Guid? orgId, RequestValidation validation)
    {
        var own = Guid.TryParse(user.FindFirstValue(MolDashClaims.OrgId), out var tokenOrg) ? tokenOrg : (Guid?)null;
        var org = orgId ?? own;
        validation.Require(org is not null, "orgId", "Name the organization with ?orgId= (Root acts in any org, so it has none of its own).");
        return org;
    }
}
