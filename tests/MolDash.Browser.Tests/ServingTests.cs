using System.Text.RegularExpressions;
using MolDash.Browser.Tests.Infrastructure;

namespace MolDash.Browser.Tests;

/// <summary>The API serves the built dashboard at its root, so that a new build reaches browsers at once.</summary>
[Collection(DashboardTestGroup.Name)]
public sealed partial class ServingTests(DashboardFixture dashboard)
{
    [Fact]
    public async Task TheDashboardIsServedAtTheRootWithItsEntryRevalidatedAndItsHashedChunksKept()
    {
        using var http = dashboard.Platform.CreateClient();

        using var index = await http.GetAsync("/");
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<md-app>", await index.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(index.Headers.CacheControl?.NoCache);

        using var entry = await http.GetAsync("/app/main.js");
        entry.EnsureSuccessStatusCode();
        Assert.True(entry.Headers.CacheControl?.NoCache);

        var chunk = ChunkImport().Match(await entry.Content.ReadAsStringAsync()).Groups[1].Value;
        using var chunkResponse = await http.GetAsync($"/app/chunks/{chunk}");
        chunkResponse.EnsureSuccessStatusCode();
        Assert.Contains("immutable", chunkResponse.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"chunks/([\w-]+\.js)")]
    private static partial Regex ChunkImport();
}
