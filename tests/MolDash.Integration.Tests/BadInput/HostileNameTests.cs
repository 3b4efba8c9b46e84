using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.BadInput;

/// <summary>
/// Path traversal, control characters (NUL, CR LF), a right-to-left override, lone surrogates and very long
/// names, for artifacts (raw and multipart) and every other thing a person names (organization, user, task,
/// pipeline, invitation). Each is refused with a 4xx or kept as harmless text: never a 500, never a path
/// outside the org's storage, and every listing still reads afterwards.
/// </summary>
[Collection(PlatformTestGroup.Name)]
public sealed class HostileNameTests(PlatformFixture fixture) : IAsyncLifetime
{
    private static readonly string[] Standard = ["standard"];

    /// <summary>Hostile names by what they are; the JSON ones are sent as JSON escapes, so a lone surrogate arrives as one.</summary>
    private static readonly Dictionary<string, string> Names = new()
    {
        ["path traversal"] = "../../etc/passwd",
        ["Windows path traversal"] = "..\\..\\windows\\win.ini",
        ["an absolute path"] = "/etc/passwd",
        ["a NUL byte"] = "ligand\u0000.smi",
        ["CR LF (header injection)"] = "ligand\r\nX-Injected: yes",
        ["a right-to-left override"] = "evil\u202Eims.exe",
        ["zero-width and combining characters"] = "li\u200Bg\u0301and\uFEFF",
        ["10,000 characters"] = new string('a', 10_000),
        ["only dots"] = "..",
        ["only spaces"] = "   ",
        ["emoji"] = "🧪💊 ligand",
    };

    private readonly PlatformUnderTest platform = fixture.Platform;
    private EchoService echo = null!;

    public async Task InitializeAsync() => echo = await EchoService.StartAsync();

    public async Task DisposeAsync() => await echo.DisposeAsync();

    [Fact]
    public async Task Hostile_artifact_names_are_refused_or_stored_as_a_plain_file_name()
    {
        var baseline = await OrgBaseline.CaptureAsync(fixture, echo.Address);
        using var member = platform.CreateClient(baseline.Scenario.MemberToken);
        var failures = new List<string>();

        foreach (var (what, name) in Names)
        {
            var fileName = name + ".smi";
            var content = Encoding.UTF8.GetBytes($"CCO {Guid.NewGuid():N}\n");
            using var raw = new ByteArrayContent(content);
            raw.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var rawResponse = await member.PostAsync($"/api/v1/artifacts?format=smiles&fileName={Uri.EscapeDataString(fileName)}", raw);
            using var multipart = new MultipartFormDataContent();
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes($"CCO {Guid.NewGuid():N}\n"));
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = fileName };
            multipart.Add(part);
            using var multipartResponse = await member.PostAsync("/api/v1/artifacts?format=smiles", multipart);

            foreach (var (how, response) in new[] { ("raw", rawResponse), ("multipart", multipartResponse) })
            {
                if (await StoredNameProblemAsync(member, response) is { } problem)
                {
                    failures.Add($"{what} ({how}): {problem}");
                }
            }

            await baseline.AssertHealthyAndIntactAsync($"the artifact name {what}");
        }

        using var listed = await member.GetAsync("/api/v1/artifacts?limit=100");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Hostile_names_of_orgs_users_tasks_pipelines_and_invitations_are_a_4xx_or_harmless_text()
    {
        var baseline = await OrgBaseline.CaptureAsync(fixture, echo.Address);
        using var admin = platform.CreateClient(baseline.Scenario.AdminToken);
        using var root = platform.CreateClient(fixture.RootToken);
        var document = await admin.GetFromJsonAsync<JsonElement>(JobScenario.Task);
        var failures = new List<string>();
        var index = 0;

        foreach (var (what, name) in Names.Append(new("a lone surrogate", "\uD800")))
        {
            index++;
            var requests = new (string Thing, HttpClient Client, string Path, object Body)[]
            {
                ("organization", root, "/api/v1/orgs", new { name }),
                ("user display name", admin, $"/api/v1/orgs/{baseline.Scenario.OrgId}/users",
                    new { email = TestOrg.NewEmail("named"), displayName = name, password = "member-password-1", roles = Standard }),
                ("user email", admin, $"/api/v1/orgs/{baseline.Scenario.OrgId}/users", new { email = name + "@moldash.test", password = "member-password-1", roles = Standard }),
                ("invitation email", admin, $"/api/v1/orgs/{baseline.Scenario.OrgId}/invitations", new { email = name + "@moldash.test", roles = Standard }),
                ("task text", admin, "/api/v1/tasks", new
                {
                    name = $"named-{index}", version = "1.0.0", description = name, category = name, tags = new[] { name },
                    document = document.GetProperty("document"), deployment = new { image = name },
                }),
                ("pipeline name", admin, "/api/v1/pipelines", new { name, description = name }),
                ("pipeline text", admin, "/api/v1/pipelines", new { name = $"named-{index}", description = name, category = name, tags = new[] { name } }),
            };

            foreach (var (thing, client, path, body) in requests)
            {
                using var response = await client.PostAsJsonAsync(path, body);
                var status = (int)response.StatusCode;
                if (status >= 500 || (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json"))
                {
                    failures.Add($"{thing} with {what}: {status} {await response.Content.ReadAsStringAsync()}");
                }
            }

            await baseline.AssertHealthyAndIntactAsync($"names with {what}");
        }

        foreach (var listing in new[] { "/api/v1/tasks?limit=100", "/api/v1/pipelines?limit=100", $"/api/v1/orgs/{baseline.Scenario.OrgId}/users?limit=100", $"/api/v1/orgs/{baseline.Scenario.OrgId}/invitations" })
        {
            using var response = await admin.GetAsync(listing);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{listing}: {(int)response.StatusCode}");
        }

        using var orgs = await root.GetAsync("/api/v1/orgs?limit=100");
        Assert.Equal(HttpStatusCode.OK, orgs.StatusCode);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>Null when the upload was refused with a 4xx problem or stored under a plain file name that reads back; else what is wrong.</summary>
    private static async Task<string?> StoredNameProblemAsync(HttpClient member, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        // A name too long for a URL is refused by the web server itself, before any endpoint (and without a body).
        if (response.StatusCode == HttpStatusCode.RequestUriTooLong)
        {
            return null;
        }

        if (status is >= 400 and < 500)
        {
            return response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? null : $"{status} without a problem body";
        }

        if (status >= 500)
        {
            return $"{status} {await response.Content.ReadAsStringAsync()}";
        }

        var artifact = await response.Content.ReadFromJsonAsync<JsonElement>();
        var stored = artifact.GetProperty("fileName").GetString()!;
        if (stored.IndexOfAny(['/', '\\', '\0', '\r', '\n']) >= 0 || stored is "." or ".." || stored.Length > 1024)
        {
            return $"stored as \"{stored[..Math.Min(stored.Length, 80)]}\" ({stored.Length} characters)";
        }

        var id = artifact.GetProperty("id").GetGuid();
        using var read = await member.GetAsync($"/api/v1/artifacts/{id}");
        using var download = await member.GetAsync($"/api/v1/artifacts/{id}/download");
        return read.IsSuccessStatusCode && download.IsSuccessStatusCode ? null : $"reads back {(int)read.StatusCode}, download {(int)download.StatusCode}";
    }
}
