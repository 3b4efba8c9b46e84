using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MolDash.Testing;

/// <summary>
/// A real OpenID Connect provider on loopback: an OpenIddict server (authorization code flow with PKCE,
/// discovery, JWKS, signed ID tokens) in degraded mode, with one registered client and users kept in
/// memory. It signs in, without a page, the user the authorization request names in login_hint; without
/// one, it shows a form asking for the email, as a provider's sign-in page would.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "moldash-tests";
    public const string ClientSecret = "test-provider-client-secret-1";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, TestIdentity> users;

    private TestIdentityProvider(WebApplication app, Uri authority, ConcurrentDictionary<string, TestIdentity> users)
    {
        this.app = app;
        Authority = authority;
        this.users = users;
    }

    /// <summary>The issuer, without a trailing slash, as Root configures it.</summary>
    public Uri Authority { get; }

    /// <param name="redirectUri">The only redirect URI the client may use (the API's callback for the provider's name).</param>
    public static async Task<TestIdentityProvider> StartAsync(string redirectUri)
    {
        var port = FreePort.Next();
        var issuer = new Uri($"http://127.0.0.1:{port}/");
        var users = new ConcurrentDictionary<string, TestIdentity>(StringComparer.OrdinalIgnoreCase);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(issuer.ToString());
        builder.Logging.ClearProviders();
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetIssuer(issuer);
            options.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.Email, Scopes.Profile);
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            // No database: the one client is checked by the handlers below.
            options.EnableDegradedMode();
            options.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
            options.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.RedirectUri != redirectUri)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client or redirect URI.");
                }

                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client or wrong secret.");
                }

                return default;
            }));
        });

        var app = builder.Build();
        app.UseAuthentication();
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (HttpContext http) => Authorize(http, users));
        app.MapPost("/connect/token", async (HttpContext http) =>
        {
            var code = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return Results.SignIn(code.Principal!, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        await app.StartAsync();
        return new TestIdentityProvider(app, new Uri(issuer.ToString().TrimEnd('/')), users);
    }

    /// <summary>A user of the provider; returns their subject (the provider's stable id for them).</summary>
    public string AddUser(string email, bool emailVerified = true)
    {
        var subject = Guid.NewGuid().ToString("N");
        users[email] = new TestIdentity(subject, email, emailVerified);
        return subject;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static IResult Authorize(HttpContext http, ConcurrentDictionary<string, TestIdentity> users)
    {
        var request = http.GetOpenIddictServerRequest()!;
        if (string.IsNullOrEmpty(request.LoginHint))
        {
            return SignInForm(http.Request.Query);
        }

        if (!users.TryGetValue(request.LoginHint, out var user))
        {
            return Results.Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.LoginRequired,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "No such user at the test provider.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.Subject));
        identity.AddClaim(new Claim(Claims.Email, user.Email));
        identity.AddClaim(new Claim(Claims.EmailVerified, user.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
        identity.AddClaim(new Claim(Claims.Name, user.Email));
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The provider's sign-in page: the authorization request again, posted with the email the person typed as login_hint.</summary>
    private static IResult SignInForm(IQueryCollection request)
    {
        var page = new StringBuilder("<!doctype html><html lang=\"en\"><head><title>Test provider</title></head><body><h1>Test provider</h1>")
            .Append("<form method=\"post\" action=\"/connect/authorize\">");
        foreach (var (name, values) in request)
        {
            page.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(name)}\" value=\"{WebUtility.HtmlEncode(values.ToString())}\">");
        }

        page.Append("<label for=\"email\">Email at the provider</label><input id=\"email\" name=\"login_hint\" type=\"email\">")
            .Append("<button type=\"submit\">Continue</button></form></body></html>");
        return Results.Content(page.ToString(), "text/html; charset=utf-8");
    }

    private sealed record TestIdentity(string Subject, string Email, bool EmailVerified);
}
