using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MolDash.Api.Auth;
using MolDash.Api.Contracts;
using MolDash.Api.Errors;
using MolDash.Api.RateLimiting;
using MolDash.GrainInterfaces.Identity;
using MolDash.GrainInterfaces.Invitations;

namespace MolDash.Api.Endpoints;

/// <summary>
/// A person's own account: accepting an invitation, resetting a password with a token, changing it, and
/// moving between the organizations they belong to.
/// </summary>
public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder api)
    {
        var account = api.MapGroup("/auth").WithTags("Account");
        account.MapPost("/invitations/accept", AcceptInvitationAsync).AllowAnonymous().RequireRateLimiting(RateLimitingSetup.AnonymousAuth)
            .WithSummary("Accept an invitation with its token: a new email sets its password (the password policy applies); an email that has an account gives its current password. Signs in to the org.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        account.MapPost("/password-reset", ResetPasswordAsync).AllowAnonymous().RequireRateLimiting(RateLimitingSetup.AnonymousAuth)
            .WithSummary("Set a new password with a reset token an Admin issued (single use); every session of the account ends.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        account.MapPost("/password", ChangePasswordAsync).RequireAuthorization(AuthPolicies.SignedIn)
            .WithSummary("Change your own password with the current one; every session ends and new tokens for this org come back.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        account.MapGet("/orgs", ListOrgsAsync).RequireAuthorization(AuthPolicies.SignedIn)
            .WithSummary("The organizations you belong to, with your roles in each and whether you can sign into it now.");
        account.MapPost("/switch-org", SwitchOrgAsync).RequireAuthorization(AuthPolicies.SignedIn)
            .WithSummary("New access and refresh tokens for another organization you are an active member of (404 if you are not a member, 403 if disabled there or it is not active).")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> AcceptInvitationAsync(
        AcceptInvitationRequest request, IClusterClient cluster, AccessTokenIssuer issuer, HttpResponse response)
    {
        var validation = new RequestValidation()
            .Require(!string.IsNullOrWhiteSpace(request.Token), "token", "The invitation token is required.")
            .Require(!string.IsNullOrEmpty(request.Password), "password", "A password is required: the new account's, or the existing account's current one.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var signedIn = await cluster.GetGrain<IInvitationAcceptanceGrain>(0).AcceptAsync(request.Token!.Trim(), request.Password!, request.DisplayName);
        return TypedResults.Ok(SessionTokens.Issue(signedIn, issuer, response));
    }

    private static async Task<IResult> ResetPasswordAsync(ResetPasswordRequest request, IClusterClient cluster)
    {
        var validation = new RequestValidation()
            .Require(!string.IsNullOrWhiteSpace(request.Token), "token", "The reset token is required.")
            .Require(!string.IsNullOrEmpty(request.NewPassword), "newPassword", "The new password is required.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await cluster.GetGrain<IPasswordResetGrain>(0).ResetAsync(request.Token!.Trim(), request.NewPassword!);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ChangePasswordAsync(
        ChangePasswordRequest request, ClaimsPrincipal user, IClusterClient cluster, AccessTokenIssuer issuer, HttpResponse response)
    {
        var validation = new RequestValidation()
            .Require(!string.IsNullOrEmpty(request.CurrentPassword), "currentPassword", "The current password is required.")
            .Require(!string.IsNullOrEmpty(request.NewPassword), "newPassword", "The new password is required.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var signedIn = await Account(user, cluster).ChangePasswordAsync(request.CurrentPassword!, request.NewPassword!);
        return TypedResults.Ok(SessionTokens.Issue(signedIn, issuer, response));
    }

    private static async Task<Ok<UserOrgsResponse>> ListOrgsAsync(ClaimsPrincipal user, IClusterClient cluster) =>
        TypedResults.Ok(new UserOrgsResponse(
            Guid.TryParse(user.FindFirstValue(MolDashClaims.OrgId), out var current) ? current : null,
            await Account(user, cluster).ListOrgsAsync()));

    private static async Task<IResult> SwitchOrgAsync(
        SwitchOrgRequest request, ClaimsPrincipal user, IClusterClient cluster, AccessTokenIssuer issuer, HttpResponse response)
    {
        var validation = new RequestValidation().Require(request.OrgId is not null, "orgId", "Name the organization to switch to.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var signedIn = await Account(user, cluster).SwitchOrgAsync(request.OrgId!.Value);
        return TypedResults.Ok(SessionTokens.Issue(signedIn, issuer, response));
    }

    private static IAccountGrain Account(ClaimsPrincipal user, IClusterClient cluster) =>
        cluster.GetGrain<IAccountGrain>(Guid.Parse(user.FindFirstValue(MolDashClaims.Subject)!));
}
