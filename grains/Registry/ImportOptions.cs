using System.Net;

namespace MolDash.Grains.Registry;

/// <summary>How the silo fetches a task service's OpenAPI document by URL ("Registry" section).</summary>
public sealed class ImportOptions
{
    public const string Section = "Registry";

    /// <summary>
    /// Private or loopback networks (CIDR, separated by commas or spaces) whose addresses imports may
    /// reach, e.g. "127.0.0.0/8" for services on this machine. Public addresses are always allowed;
    /// link-local and cloud metadata addresses never are.
    /// </summary>
    public string ImportAllowedNetworks { get; set; } = "";

    /// <summary>How long the whole fetch (connect, answer, body) may take.</summary>
    public TimeSpan ImportTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The allowed networks parsed; false (with the offending entry) when one is not a CIDR block.</summary>
    public bool TryParseNetworks(out IReadOnlyList<IPNetwork> networks, out string? invalid) =>
        NetworkList.TryParse(ImportAllowedNetworks, out networks, out invalid);
}
