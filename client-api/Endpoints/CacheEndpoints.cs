using System.Security.Claims;
using MolDash.Api.Auth;
using MolDash.Api.Contracts;
using MolDash.Api.Errors;
using MolDash.GrainInterfaces.Cache;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Api.Endpoints;

/// <summary>Cache management (cache.manage, held by Admins): entries with their hit counts and confidence, invalidation, pinning and lifetimes.</summary>
public static class CacheEndpoints
{
    private const int DefaultPageSize = 50;

    public static RouteGroupBuilder MapCacheEndpoints(this RouteGroupBuilder api)
    {
        var cache = api.MapGroup("/cache").WithTags("Cache").RequireAuthorization(AuthPolicies.CacheManage);
        cache.MapGet("/", ListAsync)
            .WithSummary("The org's cache entries, newest first: filter by pipeline, version, status and pinned.");
        cache.MapPost("/invalidate", InvalidateManyAsync)
            .WithSummary("Invalidate a pipeline's entries (one version's with version), or all of the org's with an empty body; returns how many.");
        var entry = cache.MapGroup("/{signature}");
        entry.MapGet("/", GetAsync).WithSummary("One entry: its canonical job, confidence, hit count, lifetime and pin.").ProducesProblem(StatusCodes.Status404NotFound);
        entry.MapPost("/invalidate", InvalidateAsync).WithSummary("Invalidate one entry: the next identical run makes a new job.");
        entry.MapPut("/pin", PinAsync).WithSummary("Pin (never expires, never swept) or unpin an entry.");
        entry.MapPut("/ttl", TtlAsync).WithSummary("Set how long after its job finished the entry stays reusable (ttlSeconds; null: until invalidated).");
        return api;
    }

    private static async Task<IResult> ListAsync(
        ClaimsPrincipal user, IClusterClient cluster, Guid? orgId, string? pipeline, string? version, CacheEntryStatus? status, bool? pinned, string? after, int? limit)
    {
        var validation = new RequestValidation();
        if (RequestOrg.Resolve(user, orgId, validation) is not { } org)
        {
            return validation.ToProblem();
        }

        var query = new CacheQuery { PipelineName = pipeline, PipelineVersion = version, Status = status, Pinned = pinned };
        return TypedResults.Ok(await cluster.GetGrain<ICacheDirectoryGrain>(org).ListAsync(query, after, limit ?? DefaultPageSize));
    }

    private static async Task<IResult> InvalidateManyAsync(InvalidateCacheRequest request, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId)
    {
        var validation = new RequestValidation()
            .Require(request.Version is null || request.Pipeline is not null, "version", "Name the pipeline whose version's entries to invalidate.");
        if (RequestOrg.Resolve(user, orgId, validation) is not { } org || !validation.IsValid)
        {
            return validation.ToProblem();
        }

        var count = await cluster.GetGrain<ICacheDirectoryGrain>(org).InvalidateAsync(request.Pipeline, request.Version);
        return TypedResults.Ok(new { invalidated = count });
    }

    private static Task<IResult> GetAsync(string signature, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnEntryAsync(signature, user, cluster, orgId, async entry => TypedResults.Ok(await entry.GetAsync()));

    private static Task<IResult> InvalidateAsync(string signature, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnEntryAsync(signature, user, cluster, orgId, async entry => TypedResults.Ok(await entry.InvalidateAsync()));

    private static Task<IResult> PinAsync(string signature, PinRequest request, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnEntryAsync(signature, user, cluster, orgId, async entry => TypedResults.Ok(await entry.PinAsync(request.Pinned)));

    private static Task<IResult> TtlAsync(string signature, TtlRequest request, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnEntryAsync(signature, user, cluster, orgId, async entry =>
            TypedResults.Ok(await entry.SetTtlAsync(request.TtlSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null)));

    private static async Task<IResult> OnEntryAsync(string signature, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId, Func<ICacheEntryGrain, Task<IResult>> action)
    {
        var validation = new RequestValidation();
        if (RequestOrg.Resolve(user, orgId, validation) is not { } org)
        {
            return validation.ToProblem();
        }

        // A signature is a SHA-256 in hex; anything else cannot name an entry.
        if (signature.Length != 64 || !signature.All(Uri.IsHexDigit))
        {
            throw MolDashException.NotFound("The cache entry");
        }

        return await action(cluster.GetGrain<ICacheEntryGrain>(CacheKey.Format(org, signature.ToLowerInvariant())));
    }
}
