using System.Net;
using MolDash.Grains.Registry;

namespace MolDash.Grains.Tests.Registry;

public sealed class ImportAddressPolicyTests
{
    private static readonly ImportAddressPolicy LoopbackAllowed = new([IPNetwork.Parse("127.0.0.0/8")]);

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("2606:4700::1111")]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    public void Public_addresses_and_allowed_networks_pass(string address) =>
        Assert.Null(LoopbackAllowed.Refusal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("10.0.0.5", "the address 10.0.0.5 is private and not allowed for imports; allowed: 127.0.0.0/8")]
    [InlineData("172.20.1.1", "the address 172.20.1.1 is private and not allowed for imports; allowed: 127.0.0.0/8")]
    [InlineData("192.168.1.10", "the address 192.168.1.10 is private and not allowed for imports; allowed: 127.0.0.0/8")]
    [InlineData("::1", "the address ::1 is loopback and not allowed for imports; allowed: 127.0.0.0/8")]
    [InlineData("fd12:3456::1", "the address fd12:3456::1 is private (unique local) and not allowed for imports; allowed: 127.0.0.0/8")]
    [InlineData("::ffff:10.0.0.5", "the address 10.0.0.5 is private and not allowed for imports; allowed: 127.0.0.0/8")]
    [InlineData("169.254.169.254", "the address 169.254.169.254 is link-local (where cloud metadata services answer) and never allowed for imports")]
    [InlineData("fd00:ec2::254", "the address fd00:ec2::254 is the cloud metadata service and never allowed for imports")]
    [InlineData("fe80::1", "the address fe80::1 is link-local and never allowed for imports")]
    [InlineData("0.0.0.0", "the address 0.0.0.0 is unspecified and never allowed for imports")]
    [InlineData("224.0.0.1", "the address 224.0.0.1 is multicast and never allowed for imports")]
    public void Private_loopback_link_local_and_metadata_addresses_are_refused_with_the_reason(string address, string reason) =>
        Assert.Equal(reason, LoopbackAllowed.Refusal(IPAddress.Parse(address)));

    [Fact]
    public void Configuration_cannot_open_link_local_metadata_addresses()
    {
        var everything = new ImportAddressPolicy([IPNetwork.Parse("0.0.0.0/0"), IPNetwork.Parse("::/0")]);

        Assert.Null(everything.Refusal(IPAddress.Parse("10.0.0.5")));
        Assert.NotNull(everything.Refusal(IPAddress.Parse("169.254.169.254")));
        Assert.NotNull(everything.Refusal(IPAddress.Parse("fd00:ec2::254")));
    }

    [Fact]
    public void Without_configuration_loopback_is_refused_and_the_message_says_how_to_allow_it() =>
        Assert.Equal("the address 127.0.0.1 is loopback and not allowed for imports; allowed: none (Registry:ImportAllowedNetworks is empty)",
            new ImportAddressPolicy([]).Refusal(IPAddress.Loopback));

    [Theory]
    [InlineData("127.0.0.0/8, ::1/128", true)]
    [InlineData("", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("localhost", false)]
    public void Allowed_networks_are_parsed_as_cidr_blocks(string setting, bool valid) =>
        Assert.Equal(valid, new ImportOptions { ImportAllowedNetworks = setting }.TryParseNetworks(out _, out _));
}
