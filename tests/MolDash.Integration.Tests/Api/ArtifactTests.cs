using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Api;

[Collection(PlatformTestGroup.Name)]
public sealed class ArtifactTests(PlatformFixture fixture)
{
    private static readonly (string File, string Format)[] Files =
    [
        ("1uw6-nct.sdf", "sdf"),
        ("1uw6-nct.mol2", "mol2"),
        ("1uw6-nct.pdbqt", "pdbqt"),
        ("1uw6-receptor-part.pdb", "pdb"),
        ("ligands.smi", "smiles"),
        ("ligands-small.csv", "csv"),
    ];

    private readonly PlatformUnderTest platform = fixture.Platform;

    [Fact]
    public async Task A_standard_user_uploads_every_format_as_multipart_and_as_a_raw_body()
    {
        using var multipartMember = platform.CreateClient(await fixture.NewMemberTokenAsync(await CreateOrgAsync(), "standard"));
        using var rawMember = platform.CreateClient(await fixture.NewMemberTokenAsync(await CreateOrgAsync(), "standard"));

        foreach (var (file, format) in Files)
        {
            var bytes = Bytes(file);
            using var multipart = await UploadMultipartAsync(multipartMember, file, bytes);
            using var raw = await UploadRawAsync(rawMember, file, bytes);

            foreach (var response in new[] { multipart, raw })
            {
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                var artifact = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal(format, artifact.GetProperty("format").GetString());
                Assert.Equal(file, artifact.GetProperty("fileName").GetString());
                Assert.Equal(bytes.Length, artifact.GetProperty("sizeBytes").GetInt64());
                Assert.Equal(Sha256(bytes), artifact.GetProperty("sha256").GetString());
                Assert.False(artifact.GetProperty("duplicate").GetBoolean());
                Assert.Equal($"/api/v1/artifacts/{artifact.GetProperty("id").GetGuid()}", response.Headers.Location?.ToString());
            }
        }
    }

    [Fact]
    public async Task A_file_larger_than_one_staging_block_streams_through_and_reads_back_whole()
    {
        using var member = platform.CreateClient(await fixture.NewMemberTokenAsync(await CreateOrgAsync(), "standard"));
        var library = new StringBuilder();
        for (var i = 0; library.Length < 9 * 1024 * 1024; i++)
        {
            library.Append(CultureInfo.InvariantCulture, $"CC(=O)Oc1ccccc1C(=O)O aspirin-{i}\n");
        }

        var bytes = Encoding.UTF8.GetBytes(library.ToString());
        using var uploaded = await UploadMultipartAsync(member, "library.smi", bytes);

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var artifact = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((bytes.Length, Sha256(bytes)), (artifact.GetProperty("sizeBytes").GetInt64(), artifact.GetProperty("sha256").GetString()));
        var download = await member.GetFromJsonAsync<JsonElement>($"/api/v1/artifacts/{artifact.GetProperty("id").GetGuid()}/download");
        using var plain = new HttpClient();
        Assert.Equal(Sha256(bytes), Sha256(await plain.GetByteArrayAsync(download.GetProperty("url").GetString())));
    }

    [Fact]
    public async Task The_same_content_twice_is_the_same_artifact()
    {
        using var member = platform.CreateClient(await fixture.NewMemberTokenAsync(await CreateOrgAsync(), "standard"));
        var bytes = Bytes("1uw6-nct.sdf");

        using var first = await UploadRawAsync(member, "nicotine.sdf", bytes);
        using var second = await UploadMultipartAsync(member, "again.sdf", bytes);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var original = await first.Content.ReadFromJsonAsync<JsonElement>();
        var duplicate = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(original.GetProperty("id").GetGuid(), duplicate.GetProperty("id").GetGuid());
        Assert.Equal("nicotine.sdf", duplicate.GetProperty("fileName").GetString());
        Assert.True(duplicate.GetProperty("duplicate").GetBoolean());
        var page = await member.GetFromJsonAsync<JsonElement>("/api/v1/artifacts");
        Assert.Single(page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task An_unsupported_file_is_415_and_a_malformed_one_422_with_the_line()
    {
        using var member = platform.CreateClient(await fixture.NewMemberTokenAsync(await CreateOrgAsync(), "standard"));
        var broken = Encoding.UTF8.GetString(Bytes("1uw6-nct.sdf")).Replace("M  END", "M  XXX", StringComparison.Ordinal);

        using var unsupported = await UploadRawAsync(member, "notes.txt", Encoding.UTF8.GetBytes("Dear colleague,\nplease find attached...\n"));
        using var malformed = await UploadMultipartAsync(member, "broken.sdf", Encoding.UTF8.GetBytes(broken));
        using var binary = await UploadRawAsync(member, "image.pdb", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]);
        using var badDeclared = await UploadRawAsync(member, "ligand.sdf", Bytes("1uw6-nct.sdf"), "&format=xyz");

        var problem = await unsupported.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("supported formats: mol2, sdf, pdbqt, pdb, csv, smiles", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        problem = await malformed.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("The file is not valid SDF: line 73: the record ends without its 'M  END' line", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("line 73:", problem.GetProperty("errors").GetProperty("/file")[0].GetString(), StringComparison.Ordinal);
        problem = await binary.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("not a text molecule file", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await badDeclared.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var page = await member.GetFromJsonAsync<JsonElement>("/api/v1/artifacts");
        Assert.Empty(page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Uploads_past_the_orgs_upload_limit_or_storage_quota_are_413_naming_the_quota()
    {
        var org = await CreateOrgAsync();
        using var member = platform.CreateClient(await fixture.NewMemberTokenAsync(org, "standard"));
        await SetQuotasAsync(org, maxStorageBytes: 3000, maxUploadBytes: 2000);
        var large = Bytes("1uw6-receptor-part.pdb");

        using var raw = await UploadRawAsync(member, "receptor.pdb", large);
        using var multipart = await UploadMultipartAsync(member, "receptor.pdb", large);
        using var fits = await UploadRawAsync(member, "ligand.sdf", Bytes("1uw6-nct.sdf"));
        using var overStorage = await UploadRawAsync(member, "ligand.mol2", Bytes("1uw6-nct.mol2"));

        foreach (var refused in new[] { raw, multipart })
        {
            var problem = await refused.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
            Assert.Contains("upload limit (MaxUploadBytes) is 2000 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Created, fits.StatusCode);
        var storage = await overStorage.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("storage quota (MaxStorageBytes) is 3000 bytes and 1844 are in use", storage.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_download_url_serves_the_exact_bytes_to_a_plain_http_client()
    {
        using var member = platform.CreateClient(await fixture.NewMemberTokenAsync(await CreateOrgAsync(), "standard"));
        var bytes = Bytes("1uw6-receptor-part.pdb");
        using var uploaded = await UploadMultipartAsync(member, "receptor.pdb", bytes);
        var id = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var download = await member.GetFromJsonAsync<JsonElement>($"/api/v1/artifacts/{id}/download");
        using var plain = new HttpClient();
        var downloaded = await plain.GetByteArrayAsync(download.GetProperty("url").GetString());

        Assert.Equal(bytes, downloaded);
        Assert.Equal(Sha256(bytes), Sha256(downloaded));
        var expiresAt = download.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expiresAt, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(10));
        var artifact = await member.GetFromJsonAsync<JsonElement>($"/api/v1/artifacts/{id}");
        Assert.Equal(("pdb", "chemical/x-pdb"), (artifact.GetProperty("format").GetString(), artifact.GetProperty("contentType").GetString()));
    }

    [Fact]
    public async Task The_listing_pages_newest_first_and_filters_by_format_and_job()
    {
        using var member = platform.CreateClient(await fixture.NewMemberTokenAsync(await CreateOrgAsync(), "standard"));
        foreach (var (file, _) in Files.Take(3))
        {
            (await UploadRawAsync(member, file, Bytes(file))).EnsureSuccessStatusCode();
        }

        var names = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await member.GetFromJsonAsync<JsonElement>("/api/v1/artifacts?limit=2" + (cursor is null ? "" : $"&after={Uri.EscapeDataString(cursor)}"));
            names.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("fileName").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(["1uw6-nct.pdbqt", "1uw6-nct.mol2", "1uw6-nct.sdf"], names);
        Assert.Equal(2, pages);
        var sdf = await member.GetFromJsonAsync<JsonElement>("/api/v1/artifacts?format=SDF");
        Assert.Equal(["1uw6-nct.sdf"], sdf.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("fileName").GetString()));
        var ofJob = await member.GetFromJsonAsync<JsonElement>($"/api/v1/artifacts?jobId={Guid.NewGuid()}");
        Assert.Empty(ofJob.GetProperty("items").EnumerateArray());
        using var badFormat = await member.GetAsync("/api/v1/artifacts?format=docx");
        await badFormat.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Another_orgs_artifact_is_not_found_and_root_reads_it_by_naming_the_org()
    {
        var org = await CreateOrgAsync();
        using var owner = platform.CreateClient(await fixture.NewMemberTokenAsync(org, "standard"));
        using var outsider = platform.CreateClient(await fixture.NewMemberTokenAsync(await CreateOrgAsync(), "admin"));
        using var root = platform.CreateClient(fixture.RootToken);
        using var uploaded = await UploadRawAsync(owner, "ligand.sdf", Bytes("1uw6-nct.sdf"));
        var id = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var read = await outsider.GetAsync($"/api/v1/artifacts/{id}");
        using var download = await outsider.GetAsync($"/api/v1/artifacts/{id}/download");
        using var named = await outsider.GetAsync($"/api/v1/artifacts/{id}?orgId={org}");
        using var byRoot = await root.GetAsync($"/api/v1/artifacts/{id}?orgId={org}");

        await read.AssertProblemAsync(HttpStatusCode.NotFound);
        await download.AssertProblemAsync(HttpStatusCode.NotFound);
        await named.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, byRoot.StatusCode);
    }

    [Fact]
    public async Task A_request_without_a_file_is_422_and_path_parts_of_a_name_are_dropped()
    {
        using var member = platform.CreateClient(await fixture.NewMemberTokenAsync(await CreateOrgAsync(), "standard"));

        using var nameless = await member.PostAsync("/api/v1/artifacts", new ByteArrayContent(Bytes("ligands.smi")));
        using var escaping = await UploadRawAsync(member, "../../other-org/ligands.smi", Bytes("ligands.smi"));

        var problem = await nameless.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
        Assert.Equal(HttpStatusCode.Created, escaping.StatusCode);
        var artifact = await escaping.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ligands.smi", artifact.GetProperty("fileName").GetString());
        Assert.Equal($"artifacts/{Sha256(Bytes("ligands.smi"))}", artifact.GetProperty("uri").GetString());
    }

    private static byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "artifacts", file));

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static Task<HttpResponseMessage> UploadRawAsync(HttpClient client, string fileName, byte[] bytes, string query = "")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return client.PostAsync($"/api/v1/artifacts?fileName={Uri.EscapeDataString(fileName)}{query}", content);
    }

    private static Task<HttpResponseMessage> UploadMultipartAsync(HttpClient client, string fileName, byte[] bytes)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", fileName } };
        return client.PostAsync("/api/v1/artifacts", form);
    }

    private async Task SetQuotasAsync(Guid org, long maxStorageBytes, long maxUploadBytes)
    {
        using var root = platform.CreateClient(fixture.RootToken);
        using var response = await root.PutAsJsonAsync($"/api/v1/orgs/{org}/quotas",
            new { maxConcurrentJobs = 5, maxStorageBytes, maxUploadBytes, jobRetentionDays = 30 });
        response.EnsureSuccessStatusCode();
    }

    private async Task<Guid> CreateOrgAsync()
    {
        using var root = platform.CreateClient(fixture.RootToken);
        using var response = await root.PostAsJsonAsync("/api/v1/orgs", new { name = $"Artifacts {Guid.NewGuid():N}"[..40] });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
