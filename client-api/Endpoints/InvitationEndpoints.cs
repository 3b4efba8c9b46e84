using Microsoft.AspNetCore.Http.HttpResults;
using MolDash.Api.Auth;
using MolDash.Api.Contracts;
using MolDash.Api.Errors;
using MolDash.GrainInterfaces.Invitations;

namespace MolDash.Api.Endpoints;

/// <summary>An organization's invitations (user.manage: its Admins, and Root). Accepting one is an account endpoint.</summary>
public static class InvitationEndpoints
{
    private const int DefaultPageSize = 50;

    public static RouteGroupBuilder MapInvitationEndpoints(this RouteGroupBuilder api)
    {
        var invitations = api.MapGroup("/orgs/{orgId:guid}/invitations").WithTags("Invitations").RequireAuthorization(AuthPolicies.UserManage);
        invitations.MapPost("/", InviteAsync)
            .WithSummary("Invite an email into the organization with roles and permissions; the token is returned this once (only its hash is kept) and expires after Invitations:Lifetime (7 days).")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict);
        invitations.MapGet("/", ListAsync).WithSummary("The pending invitations (not accepted, revoked or expired), oldest first, a page at a time.");
        invitations.MapPost("/{invitationId:guid}/revoke", RevokeAsync)
            .WithSummary("Revoke a pending invitation: its token stops working (409 once accepted).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> InviteAsync(Guid orgId, InviteUserRequest request, IClusterClient cluster)
    {
        var validation = new RequestValidation()
            .Require(!string.IsNullOrWhiteSpace(request.Email), "email", "Email is required.")
            .Require(request.Roles is { Count: > 0 }, "roles", "At least one role (admin, standard) is required.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var created = await cluster.GetGrain<IOrgInvitationsGrain>(orgId).InviteAsync(new InvitationDraft
        {
            Email = request.Email!,
            DisplayName = request.DisplayName ?? "",
            Roles = request.Roles!,
            Grant = request.Grant ?? [],
            Withhold = request.Withhold ?? [],
        });
        return TypedResults.Created($"/api/v1/orgs/{orgId}/invitations/{created.Invitation.Id}", created);
    }

    private static async Task<Ok<InvitationPage>> ListAsync(Guid orgId, IClusterClient cluster, string? after, int? limit) =>
        TypedResults.Ok(await cluster.GetGrain<IOrgInvitationsGrain>(orgId).ListPendingAsync(after, limit ?? DefaultPageSize));

    private static async Task<Ok<InvitationView>> RevokeAsync(Guid orgId, Guid invitationId, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IOrgInvitationsGrain>(orgId).RevokeAsync(invitationId));
}
