using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Identity.External;

/// <summary>
/// The relying-party side of the OpenID Connect authorization code flow with PKCE, for providers read from
/// the database at each sign-in: discovery documents and signing keys are cached per authority (and
/// refreshed when a token names a key not seen yet), so a provider added or changed by Root works at once.
/// </summary>
public sealed partial class OidcClient(ILogger<OidcClient> logger) : IDisposable
{
    private const string Scopes = "openid email profile";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);
    private static readonly string[] AsymmetricAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(15),
    };

    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> configurations = new(StringComparer.Ordinal);
    private readonly JsonWebTokenHandler tokens = new();

    /// <summary>http is accepted only for a provider on the silo's own machine (a development or test provider).</summary>
    public static bool IsAcceptableAuthority(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    public static string CodeChallenge(string verifier) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public async Task<string> AuthorizationUrlAsync(
        IdentityProviderRecord provider, string redirectUri, string state, string nonce, string codeVerifier, string? loginHint)
    {
        var configuration = await ConfigurationAsync(provider);
        var query = new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = provider.ClientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = Scopes,
            ["state"] = state,
            ["nonce"] = nonce,
            ["code_challenge"] = CodeChallenge(codeVerifier),
            ["code_challenge_method"] = "S256",
        };
        if (!string.IsNullOrWhiteSpace(loginHint))
        {
            query["login_hint"] = loginHint.Trim();
        }

        var endpoint = configuration.AuthorizationEndpoint;
        var separator = endpoint.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return endpoint + separator + string.Join('&', query.Select(pair => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(pair.Value)}"));
    }

    /// <summary>Redeems the code at the token endpoint and validates the ID token it answers with.</summary>
    public async Task<ValidatedIdentity> RedeemAsync(
        IdentityProviderRecord provider, string clientSecret, string code, string redirectUri, string codeVerifier, string nonce)
    {
        var configuration = await ConfigurationAsync(provider);
        var idToken = await ExchangeAsync(provider, configuration, clientSecret, code, redirectUri, codeVerifier);
        var result = await ValidateAsync(provider, configuration, idToken);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The provider may have rotated its keys since they were cached.
            Manager(provider).RequestRefresh();
            result = await ValidateAsync(provider, await ConfigurationAsync(provider), idToken);
        }

        if (!result.IsValid)
        {
            throw Refused($"its ID token is not valid: {result.Exception?.Message}");
        }

        var token = (JsonWebToken)result.SecurityToken;
        if (!token.TryGetPayloadValue<string>("nonce", out var tokenNonce)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(tokenNonce), Encoding.UTF8.GetBytes(nonce)))
        {
            throw Refused("its ID token does not carry the nonce of this sign-in (a replayed or substituted token)");
        }

        if (token.Audiences.Count() > 1 && (!token.TryGetPayloadValue<string>("azp", out var party) || party != provider.ClientId))
        {
            throw Refused("its ID token was issued to another client (azp)");
        }

        token.TryGetPayloadValue<string>("email", out var email);
        return new ValidatedIdentity(token.Issuer, token.Subject, email, IsEmailVerified(token));
    }

    public void Dispose() => http.Dispose();

    /// <summary>email_verified, as a boolean or a string; Entra ID says it with xms_edov (the domain owner verified the email).</summary>
    private static bool IsEmailVerified(JsonWebToken token) =>
        IsTrue(token, "email_verified") || IsTrue(token, "xms_edov");

    private static bool IsTrue(JsonWebToken token, string claim) =>
        (token.TryGetPayloadValue<bool>(claim, out var flag) && flag)
        || (token.TryGetPayloadValue<string>(claim, out var text) && string.Equals(text, "true", StringComparison.OrdinalIgnoreCase));

    private async Task<string> ExchangeAsync(
        IdentityProviderRecord provider, OpenIdConnectConfiguration configuration, string clientSecret, string code, string redirectUri, string codeVerifier)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = codeVerifier,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint);
        var methods = configuration.TokenEndpointAuthMethodsSupported;
        if (methods.Count == 0 || methods.Contains("client_secret_post"))
        {
            form["client_id"] = provider.ClientId;
            form["client_secret"] = clientSecret;
        }
        else
        {
            // RFC 6749 §2.3.1: both parts form-encoded before they are joined.
            var credentials = $"{Uri.EscapeDataString(provider.ClientId)}:{Uri.EscapeDataString(clientSecret)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }

        request.Content = new FormUrlEncodedContent(form);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw Unreachable(provider, e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            var answer = TryParse(body);
            if (!response.IsSuccessStatusCode)
            {
                var error = answer is { } json && json.TryGetProperty("error", out var name) ? name.GetString() : $"HTTP {(int)response.StatusCode}";
                var description = answer is { } details && details.TryGetProperty("error_description", out var text) ? $" ({text.GetString()})" : "";
                throw response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized
                    ? Refused($"it refused the authorization code: {error}{description}")
                    : Unreachable(provider, new HttpRequestException($"token endpoint answered {error}{description}"));
            }

            return answer is { } tokensJson && tokensJson.TryGetProperty("id_token", out var idToken) && idToken.GetString() is { Length: > 0 } value
                ? value
                : throw Refused("its token endpoint answered without an ID token");
        }
    }

    private Task<TokenValidationResult> ValidateAsync(IdentityProviderRecord provider, OpenIdConnectConfiguration configuration, string idToken) =>
        tokens.ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = provider.ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = AsymmetricAlgorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = ClockSkew,
        });

    private async Task<OpenIdConnectConfiguration> ConfigurationAsync(IdentityProviderRecord provider)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await Manager(provider).GetConfigurationAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException or ArgumentException)
        {
            throw Unreachable(provider, e);
        }

        // OpenID Connect Discovery §4.3: the document must name the issuer it was fetched for.
        if (!string.Equals(configuration.Issuer?.TrimEnd('/'), provider.Authority.TrimEnd('/'), StringComparison.Ordinal))
        {
            throw new MolDashException(ErrorKind.Unavailable,
                $"The identity provider '{provider.Name}' is misconfigured: its discovery document names the issuer '{configuration.Issuer}', not its authority '{provider.Authority}'.");
        }

        return configuration;
    }

    private ConfigurationManager<OpenIdConnectConfiguration> Manager(IdentityProviderRecord provider) =>
        configurations.GetOrAdd(provider.Authority.TrimEnd('/'), authority => new ConfigurationManager<OpenIdConnectConfiguration>(
            authority + "/.well-known/openid-configuration",
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(http) { RequireHttps = !new Uri(authority).IsLoopback })
        {
            // A token signed with a key not seen yet may ask for new keys this often.
            RefreshInterval = TimeSpan.FromSeconds(30),
        });

    private static JsonElement? TryParse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static MolDashException Refused(string why) =>
        new(ErrorKind.Unauthenticated, $"The identity provider's answer was refused: {why}. Start the sign-in again.");

    private MolDashException Unreachable(IdentityProviderRecord provider, Exception failure)
    {
        LogUnreachable(provider.Name, failure);
        return new MolDashException(ErrorKind.Unavailable, $"The identity provider '{provider.Name}' could not be reached or answered wrongly: {failure.Message}");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity provider {Provider} could not be reached")]
    private partial void LogUnreachable(string provider, Exception failure);
}
