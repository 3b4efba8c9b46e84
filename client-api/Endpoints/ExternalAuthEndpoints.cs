using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MolDash.Api.Auth;
using MolDash.Api.Errors;
using MolDash.Api.RateLimiting;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Identity;

namespace MolDash.Api.Endpoints;

/// <summary>
/// Sign-in through an OpenID Connect provider Root configured: the browser is sent to the provider, which
/// sends it back to the callback. An API client gets the same answer as from a password sign-in (tokens and
/// cookie); the dashboard, which names a returnTo, gets the browser back with the outcome kept in cookies for it.
/// </summary>
public static class ExternalAuthEndpoints
{
    private const int SecretBytes = 32;
    private const int MaxStateLength = 100;
    private const int MaxLoginHintLength = 254;
    private static readonly TimeSpan BindingLifetime = TimeSpan.FromMinutes(15);

    /// <summary>How long the dashboard has to pick up the outcome after the browser came back: a page load.</summary>
    private static readonly TimeSpan ResultLifetime = TimeSpan.FromMinutes(2);

    public static RouteGroupBuilder MapExternalAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth/external").WithTags("Authentication");
        auth.MapGet("/providers", ListProvidersAsync).AllowAnonymous()
            .WithSummary("The enabled sign-in providers, for a sign-in page: name (as in /auth/external/{provider}/login) and display name only.");
        auth.MapPost("/result", TakeResultAsync).AllowAnonymous()
            .WithSummary("The outcome of this browser's last sign-in through a provider started with returnTo: tokens like a password sign-in, the problem that stopped it, or 204 when there is none. Answered once.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        var external = auth.MapGroup("/{provider}").RequireRateLimiting(RateLimitingSetup.AnonymousAuth);
        external.MapGet("/login", LoginAsync).AllowAnonymous()
            .WithSummary("Start signing in through the provider: redirects to it (authorization code flow with PKCE). ?orgId= picks the org, ?loginHint= the account, ?returnTo= a dashboard path (\"/\" or \"/#/…\") to come back to.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        external.MapGet("/callback", CallbackAsync).AllowAnonymous()
            .WithSummary("Where the provider sends the browser back: answers with tokens like a password sign-in, or a problem saying why not; with a returnTo, redirects to the dashboard (or its sign-in page showing the problem).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<SignInProvider>>> ListProvidersAsync(IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IIdentityProvidersGrain>(0).ListForSignInAsync());

    private static async Task<IResult> LoginAsync(
        string provider, Guid? orgId, string? loginHint, string? returnTo, HttpContext context, IClusterClient cluster, IOptions<ExternalLoginOptions> options)
    {
        var validation = new RequestValidation()
            .Require(loginHint is not { Length: > MaxLoginHintLength }, "loginHint", $"loginHint is at most {MaxLoginHintLength} characters.")
            .Require(returnTo is null || ReturnPath.IsValid(returnTo), "returnTo", ReturnPath.Rule);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var state = Secret();
        var binding = Secret();
        string url;
        try
        {
            url = await cluster.GetGrain<IExternalLoginGrain>(state)
                .BeginAsync(new ExternalLoginStart(provider, CallbackUrl(context.Request, provider, options.Value), binding, orgId, loginHint));
        }
        catch (MolDashException e) when (returnTo is not null)
        {
            return BackToLoginPage(context.Response, returnTo, e);
        }

        ExternalLoginCookies.Append(context.Response, ExternalLoginCookies.Binding, binding, BindingLifetime);
        if (returnTo is null)
        {
            ExternalLoginCookies.Delete(context.Response, ExternalLoginCookies.ReturnTo);
        }
        else
        {
            ExternalLoginCookies.Append(context.Response, ExternalLoginCookies.ReturnTo, returnTo, BindingLifetime);
        }

        return TypedResults.Redirect(url);
    }

    private static async Task<IResult> CallbackAsync(
        string provider, string? state, string? code, [FromQuery(Name = "error")] string? providerError,
        [FromQuery(Name = "error_description")] string? providerErrorDescription, HttpContext context, IClusterClient cluster, AccessTokenIssuer issuer)
    {
        var binding = ExternalLoginCookies.Take(context, ExternalLoginCookies.Binding) ?? "";
        // Checked again: a cookie is the browser's to change.
        var returnTo = ExternalLoginCookies.Take(context, ExternalLoginCookies.ReturnTo) is { } path && ReturnPath.IsValid(path) ? path : null;
        SignedIn signedIn;
        try
        {
            if (string.IsNullOrEmpty(state) || state.Length > MaxStateLength)
            {
                throw new MolDashException(ErrorKind.Unauthenticated, "The provider's answer carries no valid state; start the sign-in again.");
            }

            signedIn = await cluster.GetGrain<IExternalLoginGrain>(state)
                .CompleteAsync(new ExternalLoginCompletion(provider, code, providerError, providerErrorDescription, binding));
        }
        catch (MolDashException e) when (returnTo is not null)
        {
            return BackToLoginPage(context.Response, returnTo, e);
        }

        if (returnTo is null)
        {
            return TypedResults.Ok(SessionTokens.Issue(signedIn, issuer, context.Response));
        }

        // Not in the URL: the dashboard fetches its tokens with this cookie, and the fetch spends the refresh token in it.
        ExternalLoginCookies.Append(context.Response, ExternalLoginCookies.Session, signedIn.RefreshToken, ResultLifetime);
        ExternalLoginCookies.Delete(context.Response, ExternalLoginCookies.Problem);
        return TypedResults.Redirect(returnTo);
    }

    private static async Task<IResult> TakeResultAsync(HttpContext context, IClusterClient cluster, AccessTokenIssuer issuer)
    {
        var problem = ExternalLoginCookies.Take(context, ExternalLoginCookies.Problem) is { } encoded ? ExternalSignInProblem.Decode(encoded) : null;
        var refreshToken = ExternalLoginCookies.Take(context, ExternalLoginCookies.Session);
        if (problem is not null)
        {
            return TypedResults.Problem(statusCode: problem.Status, title: problem.Title, detail: problem.Detail);
        }

        if (string.IsNullOrEmpty(refreshToken))
        {
            return TypedResults.NoContent();
        }

        var signedIn = await cluster.GetGrain<ISessionGrain>(0).RefreshAsync(refreshToken);
        return signedIn is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Session ended",
                detail: "The sign-in through the provider is no longer valid; sign in again.")
            : TypedResults.Ok(SessionTokens.Issue(signedIn, issuer, context.Response));
    }

    /// <summary>The dashboard's sign-in page, which shows <paramref name="failure"/>; the reason travels in a cookie, not in the URL, so no link can make the page say something else.</summary>
    private static RedirectHttpResult BackToLoginPage(HttpResponse response, string returnTo, MolDashException failure)
    {
        var problem = new ExternalSignInProblem(
            ProblemExceptionHandler.StatusFor(failure.Kind), ProblemExceptionHandler.TitleFor(failure.Kind), failure.Message);
        ExternalLoginCookies.Append(response, ExternalLoginCookies.Problem, problem.Encode(), ResultLifetime);
        ExternalLoginCookies.Delete(response, ExternalLoginCookies.Session);
        return TypedResults.Redirect(ReturnPath.LoginPage(returnTo));
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
