using Microsoft.Extensions.Configuration;

namespace MolDash.ServiceDefaults.Configuration;

public static class EnvironmentAliases
{
    /// <summary>The documented MOLDASH_* variables and the configuration keys they set.</summary>
    private static readonly (string Variable, string Key)[] Aliases =
    [
        ("MOLDASH_ROOT_EMAIL", "RootAccount:Email"),
        ("MOLDASH_ROOT_PASSWORD", "RootAccount:Password"),
    ];

    /// <summary>
    /// Adds the MOLDASH_* aliases on top of the other configuration sources. Every other setting uses the
    /// standard form (Section__Key) of ASP.NET Core's environment variable provider.
    /// </summary>
    public static IConfigurationBuilder AddMolDashEnvironmentAliases(this IConfigurationBuilder configuration)
    {
        var values = Aliases
            .Select(alias => (alias.Key, Value: Environment.GetEnvironmentVariable(alias.Variable)))
            .Where(pair => !string.IsNullOrEmpty(pair.Value))
            .ToDictionary(pair => pair.Key, pair => pair.Value);
        return configuration.AddInMemoryCollection(values);
    }
}
