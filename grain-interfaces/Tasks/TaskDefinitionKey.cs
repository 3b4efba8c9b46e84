using System.Text.RegularExpressions;

namespace MolDash.GrainInterfaces.Tasks;

/// <summary>
/// The key of a task definition grain: "{org id}/{name}/{version}". Names and versions never hold a
/// slash, so the key splits back unambiguously.
/// </summary>
public static partial class TaskDefinitionKey
{
    public const int MaxNameLength = 64;
    public const int MaxVersionLength = 64;

    public static string Format(Guid orgId, string name, string version) => $"{orgId:N}/{name}/{version}";

    public static (Guid OrgId, string Name, string Version) Parse(string key)
    {
        var parts = key.Split('/');
        return (Guid.ParseExact(parts[0], "N"), parts[1], parts[2]);
    }

    /// <summary>Lower-case letters, digits and inner hyphens: safe in URLs, keys and container names.</summary>
    public static bool IsValidName(string? name) => name is { Length: > 0 and <= MaxNameLength } && NamePattern().IsMatch(name);

    /// <summary>Semantic version: MAJOR.MINOR.PATCH with an optional pre-release.</summary>
    public static bool IsValidVersion(string? version) => version is { Length: > 0 and <= MaxVersionLength } && VersionPattern().IsMatch(version);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:-[0-9A-Za-z.-]+)?$")]
    private static partial Regex VersionPattern();
}
