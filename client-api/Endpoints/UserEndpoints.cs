using Microsoft.AspNetCore.Http.HttpResults;
using MolDash.Api.Auth;
using MolDash.Api.Contracts;
using MolDash.Api.Errors;
using MolDash.GrainInterfaces.Users;

namespace MolDash.Api.Endpoints;

/// <summary>
/// An organization's users (user.manage: its Admins, and Root). The org's grain decides who may do what,
/// including what a manager may hand out; these policies are a first refusal from the token.
/// </summary>
public static class UserEndpoints
{
    private const int DefaultPageSize = 50;

    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/orgs/{orgId:guid}/users").WithTags("Users");
        users.MapPost("/", CreateAsync).RequireAuthorization(AuthPolicies.UserManage)
            .WithSummary("Add a user to the organization. The account is created when its email is new; without a password one is generated and returned once.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict);
        users.MapGet("/", ListAsync).RequireAuthorization(AuthPolicies.UserManage)
            .WithSummary("List the organization's users with their roles and permissions, a page at a time.");
        users.MapGet("/{userId:guid}", GetAsync).RequireAuthorization(AuthPolicies.SignedIn)
            .WithSummary("Read a user of the organization (user.manage, or the user themself).");
        users.MapPut("/{userId:guid}/roles", SetRolesAsync).RequireAuthorization(AuthPolicies.UserManage)
            .WithSummary("Replace the user's roles in this organization (admin, standard). The last enabled Admin keeps the role; only Admins give it.");
        users.MapGet("/{userId:guid}/permissions", GetPermissionsAsync).RequireAuthorization(AuthPolicies.SignedIn)
            .WithSummary("The user's permissions: their roles' defaults, what is granted and withheld, and the effective set (user.manage, or the user themself).");
        users.MapPut("/{userId:guid}/permissions", SetPermissionsAsync).RequireAuthorization(AuthPolicies.UserManage)
            .WithSummary("Replace what is granted beyond the user's roles and what is withheld from them; their sessions end. Only permissions you hold can be granted.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPost("/{userId:guid}/disable", (Guid orgId, Guid userId, IClusterClient cluster) => SetDisabledAsync(orgId, userId, true, cluster))
            .RequireAuthorization(AuthPolicies.UserManage)
            .WithSummary("Disable the user in this organization (not the last enabled Admin, nor the last member able to manage users).");
        users.MapPost("/{userId:guid}/enable", (Guid orgId, Guid userId, IClusterClient cluster) => SetDisabledAsync(orgId, userId, false, cluster))
            .RequireAuthorization(AuthPolicies.UserManage)
            .WithSummary("Enable the user in this organization again.");
        users.MapPost("/{userId:guid}/password-reset", IssuePasswordResetAsync).RequireAuthorization(AuthPolicies.UserManage)
            .WithSummary("Issue a single-use password reset token for the user, returned this once and valid for PasswordReset:TokenLifetime (1 hour). Only Root resets the password of a user who belongs to other organizations too.")
            .ProducesProblem(StatusCodes.Status409Conflict);
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

    private static async Task<Ok<UserPermissionsResponse>> GetPermissionsAsync(Guid orgId, Guid userId, IClusterClient cluster) =>
        TypedResults.Ok(UserPermissionsResponse.Of(await cluster.GetGrain<IOrgUsersGrain>(orgId).GetAsync(userId)));

    private static async Task<IResult> SetPermissionsAsync(Guid orgId, Guid userId, SetPermissionsRequest request, IClusterClient cluster)
    {
        var validation = new RequestValidation()
            .Require(request.Grant is not null || request.Withhold is not null, "grant",
                "Give grant and/or withhold: lists of permissions (an empty list clears it).");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var user = await cluster.GetGrain<IOrgUsersGrain>(orgId).SetPermissionsAsync(userId, request.Grant ?? [], request.Withhold ?? []);
        return TypedResults.Ok(UserPermissionsResponse.Of(user));
    }

    private static async Task<Ok<OrgUserView>> SetDisabledAsync(Guid orgId, Guid userId, bool disabled, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IOrgUsersGrain>(orgId).SetDisabledAsync(userId, disabled));

    private static async Task<Ok<PasswordResetTicket>> IssuePasswordResetAsync(Guid orgId, Guid userId, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IOrgUsersGrain>(orgId).IssuePasswordResetAsync(userId));
}
