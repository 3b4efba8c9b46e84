using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace MolDash.Grains.Persistence;

/// <summary>The SQL migrations of one kind of database, embedded from one folder of this project.</summary>
public sealed class MigrationSet
{
    private MigrationSet(string resourcePrefix) => Migrations = Load(resourcePrefix);

    /// <summary>The shared metadata database: Orleans' tables and MolDash's own (Persistence/Migrations).</summary>
    public static MigrationSet Metadata { get; } = new("MolDash.Migrations.");

    /// <summary>Each organization's own results database (Persistence/ResultsMigrations).</summary>
    public static MigrationSet Results { get; } = new("MolDash.ResultsMigrations.");

    public IReadOnlyList<Migration> Migrations { get; }

    private static List<Migration> Load(string prefix)
    {
        var assembly = typeof(MigrationSet).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => Read(assembly, name, prefix))];
    }

    private static Migration Read(Assembly assembly, string resourceName, string prefix)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var sql = reader.ReadToEnd();
        var id = Path.GetFileNameWithoutExtension(resourceName[prefix.Length..]);
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        return new Migration(id, sql, checksum);
    }
}
