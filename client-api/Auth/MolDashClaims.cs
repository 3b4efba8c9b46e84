namespace MolDash.Api.Auth;

public static class MolDashClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string OrgId = "org_id";
    public const string Role = "roles";
}
