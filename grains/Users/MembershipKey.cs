namespace MolDash.Grains.Users;

public static class MembershipKey
{
    public static string For(Guid orgId, Guid userId) => $"{orgId:N}/{userId:N}";

    public static (Guid OrgId, Guid UserId) Parse(string key)
    {
        var parts = key.Split('/');
        return (Guid.ParseExact(parts[0], "N"), Guid.ParseExact(parts[1], "N"));
    }
}
