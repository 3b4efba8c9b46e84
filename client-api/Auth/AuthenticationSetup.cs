using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using MolDash.Api.Live;
using MolDash.ServiceDefaults.Configuration;

namespace MolDash.Api.Auth;

public static class AuthenticationSetup
{
    public static IServiceCollection AddMolDashAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var jwt = configuration.GetValidated<JwtOptions>(JwtOptions.Section);
        var keys = SigningKeyRing.FromOptions(jwt);
        services.AddValidatedOptions<JwtOptions>(JwtOptions.Section);
        services.AddSingleton(keys);
        services.AddSingleton<AccessTokenIssuer>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = jwt.Issuer,
                ValidAudience = jwt.Audience,
                // Every key of the ring validates, so tokens signed before a rotation work until they expire.
                IssuerSigningKeys = keys.All,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = MolDashClaims.Subject,
                RoleClaimType = MolDashClaims.Role,
            };
            options.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    if (string.IsNullOrEmpty(context.Request.Headers.Authorization)
                        && context.Request.Cookies.TryGetValue(AccessCookie.Name, out var cookie))
                    {
                        context.Token = cookie;
                    }

                    // Browsers cannot set headers on WebSockets or server-sent events: SignalR sends the token in the query.
                    if (context.Request.Path.StartsWithSegments(HubPaths.Jobs)
                        && context.Request.Query.TryGetValue("access_token", out var queryToken))
                    {
                        context.Token = queryToken;
                    }

                    return Task.CompletedTask;
                },
                OnChallenge = context =>
                {
                    // A person opening the dashboard in a browser is sent to sign in first.
                    if (context.Request.Path.StartsWithSegments(DashboardPaths.Root)
                        && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
                    {
                        context.HandleResponse();
                        context.Response.Redirect($"{DashboardPaths.Login}?returnUrl={Uri.EscapeDataString(context.Request.Path)}");
                    }

                    return Task.CompletedTask;
                },
            };
        });
        services.AddAuthorization(AuthPolicies.Add);
        return services;
    }
}
