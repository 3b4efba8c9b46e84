using MolDash.GrainInterfaces.Access;

namespace MolDash.Api.Auth;

public static class AuthPolicies
{
    public const string Root = "root";
    public const string Admin = "admin";
    /// <summary>Any member of an org (Standard or Admin) and Root.</summary>
    public const string Member = "member";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(Root, policy => policy.RequireAuthenticatedUser().RequireClaim(MolDashClaims.Role, MolDashRoles.Root));
        options.AddPolicy(Admin, policy => policy.RequireAuthenticatedUser()
            .RequireClaim(MolDashClaims.Role, MolDashRoles.Root, MolDashRoles.Admin));
        options.AddPolicy(Member, policy => policy.RequireAuthenticatedUser()
            .RequireClaim(MolDashClaims.Role, MolDashRoles.Root, MolDashRoles.Admin, MolDashRoles.Standard));
        // Every endpoint needs a signed-in user unless it says otherwise.
        options.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser().Build();
    }
}
