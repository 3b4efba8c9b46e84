namespace MolDash.Grains.Organizations;

/// <summary>Where organizations' results databases live.</summary>
public sealed class ResultsDatabaseOptions
{
    public const string Section = "ResultsDatabase";

    /// <summary>
    /// A PostgreSQL connection string in which "{database}" stands for the org's database name, so orgs can
    /// be placed on another server. Empty: the metadata database's server and credentials.
    /// </summary>
    public string ConnectionTemplate { get; set; } = "";

    /// <summary>The metadata connection string with its database name replaced by the placeholder.</summary>
    public static string TemplateFrom(string metadataConnectionString)
    {
        const string marker = "moldashorgdatabasemarker";
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(metadataConnectionString) { Database = marker };
        return builder.ConnectionString.Replace(marker, "{database}", StringComparison.Ordinal);
    }
}
