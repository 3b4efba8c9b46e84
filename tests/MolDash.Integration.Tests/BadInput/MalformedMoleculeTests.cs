using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.BadInput;

/// <summary>
/// Malformed molecule files uploaded as artifacts get a 422 that says what is wrong (or a 415 for what is no
/// molecule format at all), a file past the org's upload limit a 413 however it is sent, and nothing of
/// them is stored; the org's earlier data reads back as it was.
/// </summary>
[Collection(PlatformTestGroup.Name)]
public sealed class MalformedMoleculeTests(PlatformFixture fixture) : IAsyncLifetime
{
    private const long UploadLimit = 8 * 1024 * 1024;
    private const long HundredMegabytes = 100L * 1024 * 1024 + 1;
    private static readonly byte[] SmilesLine = "CC(=O)Oc1ccccc1C(=O)O aspirin\n"u8.ToArray();

    private readonly PlatformUnderTest platform = fixture.Platform;
    private EchoService echo = null!;

    public async Task InitializeAsync() => echo = await EchoService.StartAsync();

    public async Task DisposeAsync() => await echo.DisposeAsync();

    [Fact]
    public async Task Malformed_molecules_are_refused_with_a_4xx_naming_the_problem_and_nothing_is_stored()
    {
        var baseline = await OrgBaseline.CaptureAsync(fixture, echo.Address);
        using var member = platform.CreateClient(baseline.Scenario.MemberToken);
        var receptor = Encoding.UTF8.GetString(TestFile("1uw6-receptor-part.pdb"));
        var ligand = Encoding.UTF8.GetString(TestFile("1uw6-nct.sdf"));
        var junk = RandomNumberGenerator.GetBytes(4096);
        var cases = new Dictionary<string, (string FileName, byte[] Content)>
        {
            ["bad SMILES"] = ("ligands.smi", Encoding.UTF8.GetBytes("C1CC(((N\nthis is not smiles!\n")),
            ["SMILES with an unclosed ring"] = ("ring.smi", Encoding.UTF8.GetBytes("C1CCCCC ring-never-closed\n")),
            ["SMILES with unbalanced brackets"] = ("brackets.smi", Encoding.UTF8.GetBytes("C[NH3+ broken\n")),
            ["a PDB cut in the middle of an ATOM line"] = ("cut.pdb", Encoding.UTF8.GetBytes(receptor[..(receptor.IndexOf("ATOM      3", StringComparison.Ordinal) + 40)])),
            ["an SDF cut in its atom block"] = ("cut.sdf", Encoding.UTF8.GetBytes(ligand[..(ligand.Length / 3)])),
            ["binary junk named .pdb"] = ("receptor.pdb", junk),
            ["binary junk named .sdf"] = ("ligand.sdf", junk),
            ["binary junk named .mol2"] = ("ligand.mol2", junk),
            ["binary junk named .smi"] = ("ligands.smi", junk),
            ["UTF-16 text named .pdb"] = ("receptor.pdb", Encoding.Unicode.GetBytes(receptor[..2000])),
            ["a PDB with zero atoms"] = ("empty.pdb", Encoding.UTF8.GetBytes("HEADER    NOTHING HERE\nREMARK   1 no atoms\nEND\n")),
            ["an SDF with zero atoms"] = ("empty.sdf", Encoding.UTF8.GetBytes("empty\n  none\n\n  0  0  0  0  0  0  0  0  0  0999 V2000\nM  END\n$$$$\n")),
            ["a MOL2 with zero atoms"] = ("empty.mol2", Encoding.UTF8.GetBytes("@<TRIPOS>MOLECULE\nempty\n 0 0 0 0 0\nSMALL\nNO_CHARGES\n\n@<TRIPOS>ATOM\n")),
            ["a SMILES file with no molecule"] = ("empty.smi", Encoding.UTF8.GetBytes("\n\n   \n")),
            ["an empty file"] = ("nothing.pdb", []),
        };
        var notRefused = new List<string>();

        foreach (var (what, (fileName, content)) in cases)
        {
            using var body = new ByteArrayContent(content);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var response = await member.PostAsync($"/api/v1/artifacts?fileName={Uri.EscapeDataString(fileName)}", body);
            if (response.StatusCode is not (HttpStatusCode.UnprocessableEntity or HttpStatusCode.UnsupportedMediaType))
            {
                notRefused.Add($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                continue;
            }

            var problem = await response.AssertProblemAsync(response.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), what);
            await baseline.AssertHealthyAndIntactAsync(what);
        }

        Assert.True(notRefused.Count == 0, string.Join('\n', notRefused));
        var listed = await member.GetFromJsonAsync<JsonElement>("/api/v1/artifacts");
        Assert.Equal(["baseline.smi"], listed.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("fileName").GetString()));
    }

    [Fact]
    public async Task A_100_mb_file_is_413_against_the_orgs_upload_limit_however_it_is_sent()
    {
        var baseline = await OrgBaseline.CaptureAsync(fixture, echo.Address);
        using (var root = platform.CreateClient(fixture.RootToken))
        {
            using var quotas = await root.PutAsJsonAsync($"/api/v1/orgs/{baseline.Scenario.OrgId}/quotas",
                new { maxConcurrentJobs = 5, maxStorageBytes = 10L * 1024 * 1024 * 1024, maxUploadBytes = UploadLimit, jobRetentionDays = 30 });
            quotas.EnsureSuccessStatusCode();
        }

        using var member = platform.CreateClient(baseline.Scenario.MemberToken);
        var uploads = new Dictionary<string, Func<HttpContent>>
        {
            ["a raw body with its length"] = () => new GeneratedContent(SmilesLine, HundredMegabytes, declareLength: true),
            ["a chunked raw body"] = () => new GeneratedContent(SmilesLine, HundredMegabytes, declareLength: false),
            ["a multipart part"] = () => new MultipartFormDataContent { { new GeneratedContent(SmilesLine, HundredMegabytes, declareLength: false), "file", "huge.smi" } },
        };

        foreach (var (how, content) in uploads)
        {
            using var body = content();
            using var response = await member.PostAsync(body is MultipartFormDataContent ? "/api/v1/artifacts" : "/api/v1/artifacts?fileName=huge.smi", body);
            var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
            Assert.Contains($"{UploadLimit}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            await baseline.AssertHealthyAndIntactAsync($"100 MB as {how}");
        }

        var listed = await member.GetFromJsonAsync<JsonElement>("/api/v1/artifacts");
        Assert.Equal(["baseline.smi"], listed.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("fileName").GetString()));
    }

    private static byte[] TestFile(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "artifacts", name));
}
