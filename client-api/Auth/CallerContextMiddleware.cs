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

        if (CallerClaims.ToCaller(context.User) is { } caller)
        {
            CallerContext.Set(caller);
        }

        return next(context);
    }
}
