using System.ComponentModel.DataAnnotations;

namespace MolDash.ServiceDefaults.Configuration;

/// <summary>Which Orleans cluster a silo joins or a client connects to.</summary>
public sealed class OrleansClusterOptions
{
    public const string Section = "Orleans";

    [Required, RegularExpression("^[A-Za-z0-9_.-]{1,100}$", ErrorMessage = "Orleans:ClusterId must be 1-100 letters, digits, '.', '_' or '-'.")]
    public string ClusterId { get; set; } = "moldash";

    /// <summary>Stable across deployments: grain state and reminders are stored under it.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_.-]{1,100}$", ErrorMessage = "Orleans:ServiceId must be 1-100 letters, digits, '.', '_' or '-'.")]
    public string ServiceId { get; set; } = "moldash";
}
