using System.Net;
using System.Net.Sockets;

namespace MolDash.Grains.Registry;

/// <summary>A configured list of networks: CIDR blocks (or bare addresses) separated by commas, semicolons or spaces.</summary>
public static class NetworkList
{
    /// <summary>The networks in <paramref name="text"/>; false (with the offending entry) when one is not a CIDR block.</summary>
    public static bool TryParse(string? text, out IReadOnlyList<IPNetwork> networks, out string? invalid)
    {
        var parsed = new List<IPNetwork>();
        invalid = null;
        foreach (var entry in (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // A bare address stands for itself (/32 or /128).
            var block = entry.Contains('/', StringComparison.Ordinal) || !IPAddress.TryParse(entry, out var single)
                ? entry
                : $"{entry}/{(single.AddressFamily == AddressFamily.InterNetwork ? 32 : 128)}";
            if (!IPNetwork.TryParse(block, out var network))
            {
                invalid = entry;
                networks = [];
                return false;
            }

            parsed.Add(network);
        }

        networks = parsed;
        return true;
    }
}
