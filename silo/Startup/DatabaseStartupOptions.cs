using System.ComponentModel.DataAnnotations;

namespace MolDash.Silo.Startup;

public sealed class DatabaseStartupOptions
{
    public const string Section = "DatabaseStartup";

    /// <summary>How long start-up waits for PostgreSQL to accept connections before giving up.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:30:00")]
    public TimeSpan WaitForDatabase { get; set; } = TimeSpan.FromSeconds(60);
}
