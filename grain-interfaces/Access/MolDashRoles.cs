namespace MolDash.GrainInterfaces.Access;

public static class MolDashRoles
{
    public const string Root = "root";
    public const string Admin = "admin";
    public const string Standard = "standard";

    /// <summary>
    /// The platform itself acting inside one org (a job's reminder resuming it, a task service reporting a
    /// run): never held by a person, so never in a token.
    /// </summary>
    public const string Platform = "platform";
}
