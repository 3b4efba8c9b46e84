using System.ComponentModel.DataAnnotations;

namespace MolDash.ServiceDefaults.Configuration;

/// <summary>The shared metadata database, which also holds Orleans' clustering, state and reminder tables.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required(ErrorMessage = "Database:ConnectionString is required (a PostgreSQL connection string, e.g. 'Host=127.0.0.1;Port=5432;Database=moldash;Username=moldash').")]
    public string ConnectionString { get; set; } = "";
}
