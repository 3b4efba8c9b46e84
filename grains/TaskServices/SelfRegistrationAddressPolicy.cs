using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MolDash.Grains.Registry;

namespace MolDash.Grains.TaskServices;

/// <summary>
/// Which addresses a service may register itself at. A key holder is not an Admin: a leaked key must not
/// point the silo (and the org's run parameters) at cloud metadata, at the cluster's own services or at
/// a host outside. So every address the host resolves to must lie inside TaskServices:SelfRegistrationNetworks
/// (an allow-list, empty by default: self-registration off), and never at a link-local or metadata address.
/// </summary>
public sealed class SelfRegistrationAddressPolicy(IReadOnlyList<IPNetwork> allowed)
{
    /// <summary>The policy of the silo's configuration (validated when the silo starts).</summary>
    public static SelfRegistrationAddressPolicy From(IServiceProvider services)
    {
        var setting = services.GetRequiredService<IOptions<TaskServiceOptions>>().Value.SelfRegistrationNetworks;
        return NetworkList.TryParse(setting, out var networks, out var invalid)
            ? new SelfRegistrationAddressPolicy(networks)
            : throw new InvalidOperationException($"TaskServices:SelfRegistrationNetworks holds '{invalid}', which is not a CIDR block such as 10.0.0.0/8.");
    }

    /// <summary>Why the silo may not call <paramref name="address"/> for a self-registered instance, or null when it may.</summary>
    public async Task<string?> RefusalAsync(Uri address, CancellationToken cancellationToken)
    {
        if (allowed.Count == 0)
        {
            return "self-registration is off: TaskServices:SelfRegistrationNetworks lists no networks";
        }

        IPAddress[] resolved;
        try
        {
            resolved = IPAddress.TryParse(address.Host.Trim('[', ']'), out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(address.IdnHost, cancellationToken);
        }
        catch (SocketException e)
        {
            return $"the host {address.Host} does not resolve: {e.Message}";
        }

        if (resolved.Length == 0)
        {
            return $"the host {address.Host} does not resolve";
        }

        foreach (var candidate in resolved)
        {
            // ::ffff:10.0.0.5 is 10.0.0.5 on the wire.
            var checkedAddress = candidate.IsIPv4MappedToIPv6 ? candidate.MapToIPv4() : candidate;
            if (ImportAddressPolicy.NeverAllowedKind(checkedAddress) is { } what)
            {
                return $"the address {checkedAddress} is {what} and never allowed";
            }

            if (!allowed.Any(network => network.Contains(checkedAddress)))
            {
                return $"the address {checkedAddress} is outside TaskServices:SelfRegistrationNetworks ({string.Join(", ", allowed)})";
            }
        }

        return null;
    }
}
