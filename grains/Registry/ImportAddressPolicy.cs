using System.Net;
using System.Net.Sockets;

namespace MolDash.Grains.Registry;

/// <summary>
/// Which addresses the silo may fetch a task document from, so an import URL cannot make the silo reach
/// cloud metadata or the cluster's own private services (SSRF). Public addresses pass; private and
/// loopback ones only inside the configured networks; link-local (metadata) and non-unicast ones never.
/// </summary>
public sealed class ImportAddressPolicy(IReadOnlyList<IPNetwork> allowed)
{
    // Link-local holds the cloud metadata endpoints (169.254.169.254, AWS's fd00:ec2::254 is listed on its own).
    private static readonly (IPNetwork Network, string What)[] NeverAllowed =
    [
        (IPNetwork.Parse("169.254.0.0/16"), "link-local (where cloud metadata services answer)"),
        (IPNetwork.Parse("fe80::/10"), "link-local"),
        (IPNetwork.Parse("fd00:ec2::254/128"), "the cloud metadata service"),
        (IPNetwork.Parse("0.0.0.0/8"), "unspecified"),
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IPNetwork.Parse("ff00::/8"), "multicast"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved"),
    ];

    private static readonly (IPNetwork Network, string What)[] Restricted =
    [
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("::1/128"), "loopback"),
        (IPNetwork.Parse("10.0.0.0/8"), "private"),
        (IPNetwork.Parse("172.16.0.0/12"), "private"),
        (IPNetwork.Parse("192.168.0.0/16"), "private"),
        (IPNetwork.Parse("100.64.0.0/10"), "shared (carrier-grade NAT)"),
        (IPNetwork.Parse("fc00::/7"), "private (unique local)"),
    ];

    public IReadOnlyList<IPNetwork> Allowed => allowed;

    /// <summary>
    /// What kind of address the silo never calls, whatever is configured (link-local and cloud metadata,
    /// unspecified, multicast, reserved), or null for any other. Expects IPv4-mapped addresses unmapped.
    /// </summary>
    public static string? NeverAllowedKind(IPAddress address) =>
        NeverAllowed.FirstOrDefault(entry => entry.Network.Contains(address)).What;

    /// <summary>Why <paramref name="address"/> may not be fetched from, or null when it may.</summary>
    public string? Refusal(IPAddress address)
    {
        // ::ffff:10.0.0.5 is 10.0.0.5 on the wire.
        var checkedAddress = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (checkedAddress.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            return $"the address {checkedAddress} is not an IP address";
        }

        if (NeverAllowedKind(checkedAddress) is { } kind)
        {
            return $"the address {checkedAddress} is {kind} and never allowed for imports";
        }

        foreach (var (network, what) in Restricted)
        {
            if (network.Contains(checkedAddress) && !allowed.Any(candidate => candidate.Contains(checkedAddress)))
            {
                var list = allowed.Count == 0 ? "none (Registry:ImportAllowedNetworks is empty)" : string.Join(", ", allowed);
                return $"the address {checkedAddress} is {what} and not allowed for imports; allowed: {list}";
            }
        }

        return null;
    }
}
