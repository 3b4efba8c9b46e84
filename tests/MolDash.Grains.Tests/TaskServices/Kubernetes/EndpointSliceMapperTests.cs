using k8s.Models;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.TaskServices.Kubernetes;

namespace MolDash.Grains.Tests.TaskServices.Kubernetes;

public sealed class EndpointSliceMapperTests
{
    private static readonly Guid Org = Guid.NewGuid();

    [Fact]
    public void Ready_and_unknown_endpoints_become_base_addresses_of_the_labelled_task_and_not_ready_ones_are_left_out()
    {
        var slice = EndpointSlices.For(Org, "echo", ("10.1.0.5", true), ("10.1.0.6", null), ("10.1.0.7", false));

        var mapped = EndpointSliceMapper.Map(slice)!;

        Assert.Equal(("tasks/echo-abcde", TaskDefinitionKey.Format(Org, "echo", "1.0.0")), (mapped.Group, mapped.TaskKey));
        Assert.Equal(["http://10.1.0.5:8080/", "http://10.1.0.6:8080/"], mapped.Addresses);
    }

    [Fact]
    public void The_port_named_http_or_https_is_used_https_and_ipv6_are_written_as_urls_need_them()
    {
        Discoveryv1EndpointPort[] ports =
        [
            new() { Name = "metrics", Port = 9090, Protocol = "TCP" },
            new() { Name = "https", Port = 8443, Protocol = "TCP" },
        ];
        var slice = EndpointSlices.Slice("echo-v6", EndpointSlices.Labels(Org, "echo", "1.0.0"), "IPv6", ports, ("fd00::5", true));

        Assert.Equal(["https://[fd00::5]:8443/"], EndpointSliceMapper.Map(slice)!.Addresses);
    }

    [Fact]
    public void An_unnamed_single_port_is_used_and_a_udp_only_slice_has_no_port()
    {
        var single = EndpointSlices.Slice("one", EndpointSlices.Labels(Org, "echo", "1.0.0"), "IPv4", [new Discoveryv1EndpointPort { Port = 80 }], ("10.1.0.5", true));
        var udp = EndpointSlices.Slice("udp", EndpointSlices.Labels(Org, "echo", "1.0.0"), "IPv4", [new Discoveryv1EndpointPort { Port = 53, Protocol = "UDP" }], ("10.1.0.5", true));

        Assert.Equal(["http://10.1.0.5:80/"], EndpointSliceMapper.Map(single)!.Addresses);
        Assert.Null(EndpointSliceMapper.Map(udp));
    }

    [Theory]
    [InlineData("not-a-guid", "echo", "1.0.0")]
    [InlineData(null, "echo", "1.0.0")]
    [InlineData("{org}", "Echo_Service", "1.0.0")]
    [InlineData("{org}", "echo", "latest")]
    public void Labels_that_do_not_name_a_task_version_map_to_nothing(string? org, string name, string version)
    {
        var labels = EndpointSlices.Labels(Org, name, version);
        if (org is null)
        {
            labels.Remove(TaskServiceLabels.Org);
        }
        else
        {
            labels[TaskServiceLabels.Org] = org.Replace("{org}", Org.ToString("N"), StringComparison.Ordinal);
        }

        var slice = EndpointSlices.Slice("x", labels, "IPv4", [new Discoveryv1EndpointPort { Name = "http", Port = 8080 }], ("10.1.0.5", true));

        Assert.Null(EndpointSliceMapper.Map(slice));
    }
}
