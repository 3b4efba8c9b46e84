namespace MolDash.DemoSeed;

/// <summary>Where the platform is and who to seed, from the environment `./moldash up` sets.</summary>
public sealed record DemoSeedSettings(
    Uri Api,
    string RootEmail,
    string RootPassword,
    Uri DockingService,
    string AdminPassword,
    string MemberPassword)
{
    public const string OrgName = "Demo Chemistry";
    public const string AdminEmail = "admin@demo.moldash.local";
    public const string MemberEmail = "chemist@demo.moldash.local";

    public static DemoSeedSettings FromEnvironment() => new(
        new Uri(Required("MOLDASH_API_URL")),
        Environment.GetEnvironmentVariable("MOLDASH_ROOT_EMAIL") is { Length: > 0 } email ? email : "root@moldash.local",
        Required("MOLDASH_ROOT_PASSWORD"),
        new Uri(Required("MOLDASH_DOCKING_URL")),
        Required("MOLDASH_DEMO_ADMIN_PASSWORD"),
        Required("MOLDASH_DEMO_MEMBER_PASSWORD"));

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set.");
}
