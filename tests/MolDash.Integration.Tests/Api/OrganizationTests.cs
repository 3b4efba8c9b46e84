using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Api;

[Collection(PlatformTestGroup.Name)]
public sealed class OrganizationTests(PlatformFixture fixture)
{
    private readonly PlatformUnderTest platform = fixture.Platform;

    [Fact]
    public async Task Root_creates_an_organization_and_reads_it_back()
    {
        using var client = platform.CreateClient(fixture.RootToken);
        var name = UniqueName("Acme Labs");

        using var created = await client.PostAsJsonAsync("/api/v1/orgs", new { name = $"  {name} " });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var org = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = org.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/orgs/{id}", created.Headers.Location?.ToString());
        Assert.Equal(name, org.GetProperty("name").GetString());
        Assert.Equal("Active", org.GetProperty("status").GetString());

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orgs/{id}");
        Assert.Equal(name, read.GetProperty("name").GetString());
        Assert.Equal(org.GetProperty("createdAt").GetDateTimeOffset(), read.GetProperty("createdAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_name_already_taken_is_a_409_whatever_its_case()
    {
        using var client = platform.CreateClient(fixture.RootToken);
        var name = UniqueName("Shared Name");
        (await client.PostAsJsonAsync("/api/v1/orgs", new { name })).EnsureSuccessStatusCode();

        using var again = await client.PostAsJsonAsync("/api/v1/orgs", new { name = name.ToUpperInvariant() });

        var problem = await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("already exists", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"name":"   "}""")]
    [InlineData("""{"name":null}""")]
    public async Task An_organization_without_a_name_is_a_422_naming_the_field(string body)
    {
        using var client = platform.CreateClient(fixture.RootToken);

        using var response = await client.PostAsync("/api/v1/orgs", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task A_name_longer_than_100_characters_is_a_422()
    {
        using var client = platform.CreateClient(fixture.RootToken);

        using var response = await client.PostAsJsonAsync("/api/v1/orgs", new { name = new string('x', 101) });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("""{"name": """)]
    [InlineData("""{"name": 42}""")]
    [InlineData("not json at all")]
    public async Task Malformed_json_is_a_400_problem_not_a_500(string body)
    {
        using var client = platform.CreateClient(fixture.RootToken);

        using var response = await client.PostAsync("/api/v1/orgs", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_organization_id_is_a_404_problem()
    {
        using var client = platform.CreateClient(fixture.RootToken);

        using var response = await client.GetAsync($"/api/v1/orgs/{Guid.NewGuid()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/api/v1/orgs/not-a-guid")]
    public async Task An_unknown_route_is_a_404_problem(string path)
    {
        using var client = platform.CreateClient(fixture.RootToken);

        using var response = await client.GetAsync(path);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_listing_pages_through_every_organization_with_a_cursor()
    {
        using var client = platform.CreateClient(fixture.RootToken);
        var names = Enumerable.Range(0, 5).Select(i => UniqueName($"Paged {i}")).ToList();
        foreach (var name in names)
        {
            (await client.PostAsJsonAsync("/api/v1/orgs", new { name })).EnsureSuccessStatusCode();
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = "/api/v1/orgs?limit=2" + (cursor is null ? "" : $"&after={Uri.EscapeDataString(cursor)}");
            var page = await client.GetFromJsonAsync<JsonElement>(url);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 0, 2);
            seen.AddRange(items.Select(item => item.GetProperty("name").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.Subset(seen.ToHashSet(), names.ToHashSet());
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.True(pages >= 3);
    }

    [Theory]
    [InlineData("/api/v1/orgs?after=bm90LWEtY3Vyc29y")]
    [InlineData("/api/v1/orgs?limit=0")]
    [InlineData("/api/v1/orgs?limit=201")]
    public async Task A_bad_cursor_or_page_size_is_a_422(string url)
    {
        using var client = platform.CreateClient(fixture.RootToken);

        using var response = await client.GetAsync(url);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_non_numeric_page_size_is_a_400()
    {
        using var client = platform.CreateClient(fixture.RootToken);

        using var response = await client.GetAsync("/api/v1/orgs?limit=lots");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..40];
}
