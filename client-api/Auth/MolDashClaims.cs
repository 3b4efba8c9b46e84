namespace MolDash.Api.Auth;

public static class MolDashClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string OrgId = "org_id";
    public const string Role = "roles";

    /// <summary>One claim per effective permission in the org (see MolDashPermissions).</summary>
    public const string Permission = "permissions";

    /// <summary>The membership's security stamp; the silo refuses the token once it changed.</summary>
    public const string SecurityStamp = "stamp";
}
