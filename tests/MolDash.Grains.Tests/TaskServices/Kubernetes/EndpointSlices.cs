using k8s.Models;
using MolDash.Grains.TaskServices.Kubernetes;

namespace MolDash.Grains.Tests.TaskServices.Kubernetes;

/// <summary>EndpointSlices as the API server returns them for a labelled task Service.</summary>
public static class EndpointSlices
{
    public static V1EndpointSlice For(
        Guid org, string name, params (string Address, bool? Ready)[] endpoints) =>
        Slice($"{name}-abcde", Labels(org, name, "1.0.0"), "IPv4", [new Discoveryv1EndpointPort { Name = "http", Port = 8080, Protocol = "TCP" }], endpoints);

    public static Dictionary<string, string> Labels(Guid org, string name, string version) => new()
    {
        [TaskServiceLabels.Org] = org.ToString("N"),
        [TaskServiceLabels.Task] = name,
        [TaskServiceLabels.Version] = version,
        ["kubernetes.io/service-name"] = name,
    };

    public static V1EndpointSlice Slice(
        string sliceName, IDictionary<string, string> labels, string addressType, IList<Discoveryv1EndpointPort> ports, params (string Address, bool? Ready)[] endpoints) => new()
    {
        Metadata = new V1ObjectMeta { Name = sliceName, NamespaceProperty = "tasks", Labels = labels },
        AddressType = addressType,
        Ports = ports,
        Endpoints = [.. endpoints.Select(endpoint => new V1Endpoint
        {
            Addresses = [endpoint.Address],
            Conditions = new V1EndpointConditions { Ready = endpoint.Ready },
        })],
    };
}
