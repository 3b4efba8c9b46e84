using Microsoft.AspNetCore.Http.HttpResults;
using MolDash.Api.Auth;
using MolDash.Api.Contracts;
using MolDash.Api.Errors;
using MolDash.GrainInterfaces.Organizations;

namespace MolDash.Api.Endpoints;

public static class OrganizationEndpoints
{
    private const int DefaultPageSize = 50;
    private const int MaxNameLength = 100;

    public static RouteGroupBuilder MapOrganizationEndpoints(this RouteGroupBuilder api)
    {
        var orgs = api.MapGroup("/orgs").WithTags("Organizations");
        orgs.MapPost("/", CreateAsync).RequireAuthorization(AuthPolicies.Root)
            .WithSummary("Create an organization with its first Admin and quotas (Root); a new Admin account's initial password is in this answer only.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict);
        orgs.MapGet("/", ListAsync).RequireAuthorization(AuthPolicies.Root)
            .WithSummary("List organizations, oldest first, a page at a time (Root).");
        orgs.MapGet("/{id:guid}", GetAsync)
            .WithSummary("Read an organization with its provisioning status and quotas: Root, or a member of it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        orgs.MapPost("/{id:guid}/provisioning/retry", RetryProvisioningAsync).RequireAuthorization(AuthPolicies.Root)
            .WithSummary("Resume provisioning from the step that failed (Root); also issues a new initial Admin password when the first was lost unseen.");
        orgs.MapDelete("/{id:guid}", DeleteAsync).RequireAuthorization(AuthPolicies.Root)
            .WithSummary("Delete the organization with its data (Root): 204 once gone, 202 while a step still has to be retried.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        orgs.MapPut("/{id:guid}/quotas", SetQuotasAsync).RequireAuthorization(AuthPolicies.Root)
            .WithSummary("Replace the organization's quotas (Root); they apply at once.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        orgs.MapPost("/{id:guid}/suspend", (Guid id, IClusterClient cluster) => SetSuspendedAsync(id, true, cluster))
            .RequireAuthorization(AuthPolicies.Root).WithSummary("Suspend the organization: its members cannot sign in (Root).");
        orgs.MapPost("/{id:guid}/reactivate", (Guid id, IClusterClient cluster) => SetSuspendedAsync(id, false, cluster))
            .RequireAuthorization(AuthPolicies.Root).WithSummary("Reactivate a suspended organization (Root).");
        return api;
    }

    private static async Task<IResult> CreateAsync(CreateOrganizationRequest request, IClusterClient cluster)
    {
        var name = request.Name?.Trim();
        var validation = new RequestValidation()
            .Require(!string.IsNullOrEmpty(name), "name", "Name is required.")
            .Require(name is null || name.Length <= MaxNameLength, "name", $"Name must be at most {MaxNameLength} characters.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var id = Guid.NewGuid();
        var org = await cluster.GetGrain<IOrganizationGrain>(id).CreateAsync(name!, request.Admin, request.Quotas);
        return TypedResults.Created($"/api/v1/orgs/{org.Id}", org);
    }

    private static async Task<IResult> DeleteAsync(Guid id, IClusterClient cluster) =>
        await cluster.GetGrain<IOrganizationGrain>(id).DeleteAsync() is { } deleting
            ? TypedResults.Accepted($"/api/v1/orgs/{id}", deleting)
            : TypedResults.NoContent();

    private static async Task<Ok<OrganizationView>> GetAsync(Guid id, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IOrganizationGrain>(id).GetAsync());

    private static async Task<Ok<OrganizationView>> RetryProvisioningAsync(Guid id, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IOrganizationGrain>(id).RetryProvisioningAsync());

    private static async Task<IResult> SetQuotasAsync(Guid id, OrganizationQuotas? quotas, IClusterClient cluster) =>
        quotas is null
            ? new RequestValidation().Require(false, "quotas", "A quotas object is required.").ToProblem()
            : TypedResults.Ok(await cluster.GetGrain<IOrganizationGrain>(id).SetQuotasAsync(quotas));

    private static async Task<Ok<OrganizationView>> SetSuspendedAsync(Guid id, bool suspended, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IOrganizationGrain>(id).SetSuspendedAsync(suspended));

    private static async Task<Ok<OrganizationPage>> ListAsync(IClusterClient cluster, string? after, int? limit) =>
        TypedResults.Ok(await cluster.GetGrain<IOrganizationDirectoryGrain>(0).ListAsync(after, limit ?? DefaultPageSize));
}
