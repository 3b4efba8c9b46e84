using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MolDash.Api.Auth;
using MolDash.GrainInterfaces.Identity;

namespace MolDash.Api.Endpoints;

/// <summary>
/// Sign-in through an OpenID Connect provider Root configured: the browser is sent to the provider, which
/// sends it back to the callback; the answer is the same as a password sign-in's (tokens and cookie).
/// </summary>
public static class ExternalAuthEndpoints
{
    private const int SecretBytes = 32;
    private const int MaxStateLength = 100;
    private const int MaxLoginHintLength = 254;
    private static readonly TimeSpan BindingLifetime = TimeSpan.FromMinutes(15);

    public static RouteGroupBuilder MapExternalAuthEndpoints(this RouteGroupBuilder api)
    {
        var external = api.MapGroup("/auth/external/{provider}").WithTags("Authentication");
        external.MapGet("/login", LoginAsync).AllowAnonymous()
            .WithSummary("Start signing in through the provider: redirects to it (authorization code flow with PKCE). ?orgId= picks the org, ?loginHint= the account.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        external.MapGet("/callback", CallbackAsync).AllowAnonymous()
            .WithSummary("Where the provider sends the browser back: answers with tokens like a password sign-in, or a problem saying why not.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<IResult> LoginAsync(
        string provider, Guid? orgId, string? loginHint, HttpContext context, IClusterClient cluster, IOptions<ExternalLoginOptions> options)
    {
        if (loginHint is { Length: > MaxLoginHintLength })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Validation failed",
                detail: $"loginHint is at most {MaxLoginHintLength} characters.");
        }

        var state = Secret();
        var binding = Secret();
        var url = await cluster.GetGrain<IExternalLoginGrain>(state)
            .BeginAsync(new ExternalLoginStart(provider, CallbackUrl(context.Request, provider, options.Value), binding, orgId, loginHint));
        ExternalLoginCookie.Append(context.Response, binding, BindingLifetime);
        return TypedResults.Redirect(url);
    }

    private static async Task<IResult> CallbackAsync(
        string provider, string? state, string? code, [FromQuery(Name = "error")] string? providerError,
        [FromQuery(Name = "error_description")] string? providerErrorDescription, HttpContext context, IClusterClient cluster, AccessTokenIssuer issuer)
    {
        if (string.IsNullOrEmpty(state) || state.Length > MaxStateLength)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
                detail: "The provider's answer carries no valid state; start the sign-in again.");
        }

        var binding = context.Request.Cookies[ExternalLoginCookie.Name] ?? "";
        ExternalLoginCookie.Delete(context.Response);
        var signedIn = await cluster.GetGrain<IExternalLoginGrain>(state)
            .CompleteAsync(new ExternalLoginCompletion(provider, code, providerError, providerErrorDescription, binding));
        return TypedResults.Ok(SessionTokens.Issue(signedIn, issuer, context.Response));
    }

    /// <summary>The URL registered at the provider as this installation's redirect URI for <paramref name="provider"/>.</summary>
    private static string CallbackUrl(HttpRequest request, string provider, ExternalLoginOptions options)
    {
        var baseUrl = string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : options.PublicBaseUrl.TrimEnd('/');
        return $"{baseUrl}/api/v1/auth/external/{Uri.EscapeDataString(provider)}/callback";
    }

    private static string Secret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
