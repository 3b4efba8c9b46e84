using Microsoft.AspNetCore.Authorization;
using MolDash.GrainInterfaces.Access;

namespace MolDash.Api.Auth;

/// <summary>
/// The API's authorization policies: a first, cheap refusal from the token's claims. The grains check the
/// same rules again against the live membership, which is what makes them hold.
/// </summary>
public static class AuthPolicies
{
    public const string Root = "root";
    public const string Admin = "admin";
    public const string SignedIn = "signed-in";

    /// <summary>Any member of an org (Standard or Admin) and Root.</summary>
    public const string Member = "member";

    private const string PermissionPrefix = "permission:";
    public const string JobCreate = PermissionPrefix + MolDashPermissions.JobCreate;
    public const string TaskDefine = PermissionPrefix + MolDashPermissions.TaskDefine;
    public const string PipelineEdit = PermissionPrefix + MolDashPermissions.PipelineEdit;
    public const string PipelinePublish = PermissionPrefix + MolDashPermissions.PipelinePublish;
    public const string CacheManage = PermissionPrefix + MolDashPermissions.CacheManage;
    public const string AuditRead = PermissionPrefix + MolDashPermissions.AuditRead;
    public const string UserManage = PermissionPrefix + MolDashPermissions.UserManage;

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Root, policy => policy.RequireAuthenticatedUser().RequireClaim(MolDashClaims.Role, MolDashRoles.Root));
        options.AddPolicy(Admin, policy => policy.RequireAuthenticatedUser()
            .RequireClaim(MolDashClaims.Role, MolDashRoles.Root, MolDashRoles.Admin));
        options.AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser());
        options.AddPolicy(Member, policy => policy.RequireAuthenticatedUser()
            .RequireClaim(MolDashClaims.Role, MolDashRoles.Root, MolDashRoles.Admin, MolDashRoles.Standard));
        foreach (var permission in MolDashPermissions.All)
        {
            // Root holds every permission without listing them in its token.
            options.AddPolicy(PermissionPrefix + permission, policy => policy.RequireAuthenticatedUser().RequireAssertion(context =>
                context.User.HasClaim(MolDashClaims.Role, MolDashRoles.Root) || context.User.HasClaim(MolDashClaims.Permission, permission)));
        }

        // Every endpoint needs a signed-in user unless it says otherwise.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
