using Microsoft.AspNetCore.Http.HttpResults;
using MolDash.Api.Contracts;
using MolDash.Api.Errors;
using MolDash.GrainInterfaces.Users;

namespace MolDash.Api.Endpoints;

/// <summary>An organization's users. The org's grain decides who may do what (Admins of that org, Root).</summary>
public static class UserEndpoints
{
    private const int DefaultPageSize = 50;

    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/orgs/{orgId:guid}/users").WithTags("Users");
        users.MapPost("/", CreateAsync)
            .WithSummary("Add a user to the organization (Admin). The account is created when its email is new; without a password one is generated and returned once.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict);
        users.MapGet("/", ListAsync).WithSummary("List the organization's users, a page at a time (Admin).");
        users.MapGet("/{userId:guid}", GetAsync).WithSummary("Read a user of the organization (Admin, or the user themself).");
        users.MapPut("/{userId:guid}/roles", SetRolesAsync)
            .WithSummary("Replace the user's roles in this organization (admin, standard). The last enabled Admin keeps the role.");
        users.MapPost("/{userId:guid}/disable", (Guid orgId, Guid userId, IClusterClient cluster) => SetDisabledAsync(orgId, userId, true, cluster))
            .WithSummary("Disable the user in this organization (not the last enabled Admin).");
        users.MapPost("/{userId:guid}/enable", (Guid orgId, Guid userId, IClusterClient cluster) => SetDisabledAsync(orgId, userId, false, cluster))
            .WithSummary("Enable the user in this organization again.");
        return api;
    }

    private static async Task<IResult> CreateAsync(Guid orgId, CreateUserRequest request, IClusterClient cluster)
    {
        var validation = new RequestValidation()
            .Require(!string.IsNullOrWhiteSpace(request.Email), "email", "Email is required.")
            .Require(request.Roles is { Count: > 0 }, "roles", "At least one role (admin, standard) is required.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var created = await cluster.GetGrain<IOrgUsersGrain>(orgId)
            .CreateAsync(request.Email!, request.DisplayName ?? "", request.Password, request.Roles!);
        return TypedResults.Created($"/api/v1/orgs/{orgId}/users/{created.User.UserId}", created);
    }

    private static async Task<Ok<OrgUserPage>> ListAsync(Guid orgId, IClusterClient cluster, string? after, int? limit) =>
        TypedResults.Ok(await cluster.GetGrain<IOrgUsersGrain>(orgId).ListAsync(after, limit ?? DefaultPageSize));

    private static async Task<Ok<OrgUserView>> GetAsync(Guid orgId, Guid userId, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IOrgUsersGrain>(orgId).GetAsync(userId));

    private static async Task<IResult> SetRolesAsync(Guid orgId, Guid userId, SetRolesRequest request, IClusterClient cluster)
    {
        var validation = new RequestValidation()
            .Require(request.Roles is { Count: > 0 }, "roles", "At least one role (admin, standard) is required.");
        return validation.IsValid
            ? TypedResults.Ok(await cluster.GetGrain<IOrgUsersGrain>(orgId).SetRolesAsync(userId, request.Roles!))
            : validation.ToProblem();
    }

    private static async Task<Ok<OrgUserView>> SetDisabledAsync(Guid orgId, Guid userId, bool disabled, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IOrgUsersGrain>(orgId).SetDisabledAsync(userId, disabled));
}
