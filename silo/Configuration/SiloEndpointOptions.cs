using System.ComponentModel.DataAnnotations;

namespace MolDash.Silo.Configuration;

/// <summary>What this silo is called and where it listens for other silos and for clients.</summary>
public sealed class SiloEndpointOptions
{
    public const string Section = "Silo";

    /// <summary>The silo's name in the membership table and the dashboard (the pod name in Kubernetes); empty: a name Orleans makes up.</summary>
    public string Name { get; set; } = "";

    /// <summary>The address other silos and clients reach this silo at (the pod IP in Kubernetes).</summary>
    [Required]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Listen on every interface instead of only the advertised address (containers).</summary>
    public bool ListenOnAnyAddress { get; set; }
}
