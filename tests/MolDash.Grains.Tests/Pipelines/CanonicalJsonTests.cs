using System.Text.Json.Nodes;
using MolDash.Grains.Pipelines;

namespace MolDash.Grains.Tests.Pipelines;

public sealed class CanonicalJsonTests
{
    [Theory]
    [InlineData("1", "1")]
    [InlineData("1.0", "1")]
    [InlineData("1e2", "100")]
    [InlineData("1E+2", "100")]
    [InlineData("100.000", "100")]
    [InlineData("-0.0", "0")]
    [InlineData("0.10", "0.1")]
    [InlineData("2.5e-3", "0.0025")]
    [InlineData("12345678901234567890", "12345678901234567890")]
    [InlineData("1e300", "1E+300")]
    [InlineData("1e-30", "1E-30")]
    public void Numbers_have_one_form(string number, string canonical)
    {
        Assert.Equal(canonical, CanonicalJson.Number(number));
    }

    [Fact]
    public void Keys_are_sorted_at_every_level_and_whitespace_dropped()
    {
        var json = JsonNode.Parse("""{ "b": [ { "z": 1, "a": 2.0 } ], "a": { "y": null, "x": true }, "B": "Ünïcode \" text" }""");

        Assert.Equal("""{"B":"\u00DCn\u00EFcode \u0022 text","a":{"x":true,"y":null},"b":[{"a":2,"z":1}]}""", CanonicalJson.Write(json));
    }

    [Fact]
    public void Strings_are_kept_as_they_are()
    {
        Assert.NotEqual(CanonicalJson.Write(JsonValue.Create("1.0")), CanonicalJson.Write(JsonValue.Create("1")));
        Assert.NotEqual(CanonicalJson.Write(JsonValue.Create("CCO")), CanonicalJson.Write(JsonValue.Create("cco")));
    }
}
