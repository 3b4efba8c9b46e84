namespace MolDash.GrainInterfaces.Access;

public static class MolDashRoles
{
    public const string Root = "root";
    public const string Admin = "admin";
    public const string Standard = "standard";
}
