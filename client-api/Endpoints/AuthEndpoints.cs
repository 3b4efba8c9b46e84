using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using MolDash.Api.Auth;
using MolDash.Api.Contracts;
using MolDash.Api.Errors;
using MolDash.GrainInterfaces.Identity;

namespace MolDash.Api.Endpoints;

public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Authentication");
        auth.MapPost("/login", LoginAsync).AllowAnonymous()
            .WithSummary("Exchange email and password for an access token.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/refresh", RefreshAsync).AllowAnonymous()
            .WithSummary("Exchange a refresh token for a new access token and a new refresh token (the old one is spent; reusing it ends the session).")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/logout", LogoutAsync).AllowAnonymous()
            .WithSummary("End the session of the refresh token, if one is given, and forget the access cookie in this browser.");
        auth.MapGet("/me", CurrentUser)
            .WithSummary("Who the access token belongs to (answered by the API alone, without a grain call).");
        return api;
    }

    private static async Task<IResult> LoginAsync(LoginRequest request, IClusterClient cluster, AccessTokenIssuer issuer, HttpResponse response)
    {
        var validation = new RequestValidation()
            .Require(!string.IsNullOrWhiteSpace(request.Email), "email", "Email is required.")
            .Require(!string.IsNullOrEmpty(request.Password), "password", "Password is required.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var signedIn = await cluster.GetGrain<ICredentialGrain>(0).VerifyPasswordAsync(request.Email!.Trim(), request.Password!, request.OrgId);
        // One answer for an unknown email and a wrong password, so accounts cannot be discovered.
        return signedIn is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: "The email or password is not correct.")
            : Tokens(signedIn, issuer, response);
    }

    private static async Task<IResult> RefreshAsync(RefreshRequest request, IClusterClient cluster, AccessTokenIssuer issuer, HttpResponse response)
    {
        var validation = new RequestValidation().Require(!string.IsNullOrEmpty(request.RefreshToken), "refreshToken", "refreshToken is required.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var signedIn = await cluster.GetGrain<ISessionGrain>(0).RefreshAsync(request.RefreshToken!);
        return signedIn is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Session ended",
                detail: "The refresh token is not valid any more; sign in again.")
            : Tokens(signedIn, issuer, response);
    }

    private static async Task<NoContent> LogoutAsync(RefreshRequest? request, IClusterClient cluster, HttpResponse response)
    {
        if (!string.IsNullOrEmpty(request?.RefreshToken))
        {
            await cluster.GetGrain<ISessionGrain>(0).RevokeAsync(request.RefreshToken);
        }

        AccessCookie.Delete(response);
        return TypedResults.NoContent();
    }

    internal static Ok<LoginResponse> Tokens(SignedIn signedIn, AccessTokenIssuer issuer, HttpResponse response)
    {
        var token = issuer.Issue(signedIn.User);
        AccessCookie.Append(response, token);
        var lifetime = (int)Math.Round((token.ExpiresAt - DateTimeOffset.UtcNow).TotalSeconds);
        return TypedResults.Ok(new LoginResponse(token.Token, "Bearer", lifetime, token.ExpiresAt, signedIn.RefreshToken, signedIn.RefreshExpiresAt));
    }

    private static Ok<CurrentUserResponse> CurrentUser(ClaimsPrincipal user) => TypedResults.Ok(new CurrentUserResponse(
        Guid.Parse(user.FindFirstValue(MolDashClaims.Subject)!),
        user.FindFirstValue(MolDashClaims.Email),
        Guid.TryParse(user.FindFirstValue(MolDashClaims.OrgId), out var org) ? org : null,
        [.. user.FindAll(MolDashClaims.Role).Select(claim => claim.Value)]));
}
