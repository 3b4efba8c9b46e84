using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using MolDash.ServiceDefaults.Configuration;

namespace MolDash.Api.RateLimiting;

/// <summary>
/// Rate limits of the API's anonymous endpoints, per client address and per API process. Sign-in with a password
/// is throttled by failures in the grains instead (shared by every API process), which also covers password checks elsewhere.
/// </summary>
public static class RateLimitingSetup
{
    public const string AnonymousAuth = "anonymous-auth";

    public static IServiceCollection AddMolDashRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var anonymous = configuration.GetValidated<AnonymousAuthRateLimitOptions>(AnonymousAuthRateLimitOptions.Section);
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(AnonymousAuth, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = anonymous.PermitLimit, Window = anonymous.Window, QueueLimit = 0 }));
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>A 429 problem saying when to try again, like the API's other refusals to go on.</summary>
    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = "Too many sign-in requests from your address; wait a moment and try again.",
            },
        });
    }
}
