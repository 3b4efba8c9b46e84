using System.Globalization;
using k8s.Models;

namespace MolDash.Grains.TaskServices.Kubernetes;

/// <summary>Reads an EndpointSlice as a task's instances: its labels name the task, its ready endpoints and port give the addresses.</summary>
public static class EndpointSliceMapper
{
    public static string GroupOf(V1EndpointSlice slice) => $"{slice.Metadata?.NamespaceProperty}/{slice.Metadata?.Name}";

    /// <summary>The slice as instances of its task, or null when its labels name no task or it has no usable port.</summary>
    public static DiscoveredSlice? Map(V1EndpointSlice slice)
    {
        if (TaskServiceLabels.TaskKeyOf(slice.Metadata?.Labels) is not { } taskKey || ServicePort(slice) is not { } port)
        {
            return null;
        }

        var scheme = port.Name == "https" || port.AppProtocol == "https" ? "https" : "http";
        var addresses = (slice.Endpoints ?? [])
            // Kubernetes: a missing "ready" means unknown, which consumers take as ready; terminating endpoints are not ready.
            .Where(endpoint => endpoint.Conditions?.Ready ?? true)
            .SelectMany(endpoint => endpoint.Addresses ?? [])
            .Select(address => string.Create(CultureInfo.InvariantCulture,
                $"{scheme}://{(slice.AddressType == "IPv6" ? $"[{address}]" : address)}:{port.Port}/"))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new DiscoveredSlice(GroupOf(slice), taskKey, addresses);
    }

    /// <summary>The port named "http" or "https", else the only (or first TCP) port; null when the slice names none.</summary>
    private static Discoveryv1EndpointPort? ServicePort(V1EndpointSlice slice)
    {
        var ports = (slice.Ports ?? []).Where(port => port.Port is not null && (port.Protocol ?? "TCP") == "TCP").ToList();
        return ports.Find(port => port.Name is "http" or "https") ?? ports.FirstOrDefault();
    }
}
