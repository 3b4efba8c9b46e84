using Microsoft.AspNetCore.Http.HttpResults;
using MolDash.Api.Auth;
using MolDash.Api.Contracts;
using MolDash.Api.Errors;
using MolDash.GrainInterfaces.Identity;

namespace MolDash.Api.Endpoints;

/// <summary>OpenID Connect providers and the identities linked through them (Root). Client secrets go in, never out.</summary>
public static class IdentityProviderEndpoints
{
    private const int DefaultPageSize = 50;

    public static RouteGroupBuilder MapIdentityProviderEndpoints(this RouteGroupBuilder api)
    {
        var providers = api.MapGroup("/identity-providers").WithTags("Identity providers").RequireAuthorization(AuthPolicies.Root);
        providers.MapGet("/", ListAsync).WithSummary("List the OpenID Connect providers (Root).");
        providers.MapPost("/", CreateAsync)
            .WithSummary("Add an OpenID Connect provider (Root): authority, client id and secret, allowed email domains, default org and role.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict);
        var provider = providers.MapGroup("/{provider}");
        provider.MapGet("/", GetAsync).WithSummary("Read a provider (without its client secret).").ProducesProblem(StatusCodes.Status404NotFound);
        provider.MapPut("/", UpdateAsync)
            .WithSummary("Replace a provider's settings; without clientSecret the stored secret is kept. Applies to the next sign-in.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        provider.MapDelete("/", DeleteAsync).WithSummary("Delete a provider and every identity linked through it.");
        provider.MapGet("/links", ListLinksAsync).WithSummary("List the external identities linked through the provider (?userId= for one user's).");
        provider.MapDelete("/links/{linkId:guid}", UnlinkAsync)
            .WithSummary("Unlink an external identity: its next sign-in links again by verified email, or is refused.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<IdentityProviderView>>> ListAsync(IClusterClient cluster) =>
        TypedResults.Ok(await Providers(cluster).ListAsync());

    private static async Task<IResult> CreateAsync(IdentityProviderRequest request, IClusterClient cluster)
    {
        var validation = new RequestValidation().Require(!string.IsNullOrWhiteSpace(request.Name), "name", "Name is required.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var created = await Providers(cluster).CreateAsync(request.Name!.Trim(), Settings(request));
        return TypedResults.Created($"/api/v1/identity-providers/{created.Name}", created);
    }

    private static async Task<Ok<IdentityProviderView>> GetAsync(string provider, IClusterClient cluster) =>
        TypedResults.Ok(await Providers(cluster).GetAsync(provider));

    private static async Task<Ok<IdentityProviderView>> UpdateAsync(string provider, IdentityProviderRequest request, IClusterClient cluster) =>
        TypedResults.Ok(await Providers(cluster).UpdateAsync(provider, Settings(request)));

    private static async Task<NoContent> DeleteAsync(string provider, IClusterClient cluster)
    {
        await Providers(cluster).DeleteAsync(provider);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ExternalIdentityLinkPage>> ListLinksAsync(string provider, Guid? userId, string? after, int? limit, IClusterClient cluster) =>
        TypedResults.Ok(await Providers(cluster).ListLinksAsync(provider, userId, after, limit ?? DefaultPageSize));

    private static async Task<NoContent> UnlinkAsync(string provider, Guid linkId, IClusterClient cluster)
    {
        await Providers(cluster).UnlinkAsync(provider, linkId);
        return TypedResults.NoContent();
    }

    private static IdentityProviderSettings Settings(IdentityProviderRequest request) => new(
        request.DisplayName ?? request.Name ?? "", request.Authority ?? "", request.ClientId ?? "", request.ClientSecret,
        request.AllowedDomains ?? [], request.DefaultOrgId, request.DefaultRole, request.Enabled ?? true);

    private static IIdentityProvidersGrain Providers(IClusterClient cluster) => cluster.GetGrain<IIdentityProvidersGrain>(0);
}
