using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Security;

/// <summary>
/// A download URL the API hands out reads that one file, for a while, and nothing else: changing its path
/// (to another org's file), signature, expiry or permissions makes storage refuse it. Expiry itself is
/// proven against the same signer with a clock an hour behind in <see cref="Storage.AzureBlobStoreTests"/>.
/// </summary>
[Collection(PlatformTestGroup.Name)]
public sealed class DownloadUrlTamperingTests(PlatformFixture fixture)
{
    private static readonly HttpClient Storage = new();
    private readonly PlatformUnderTest platform = fixture.Platform;

    [Fact]
    public async Task A_download_url_with_its_path_signature_expiry_or_permissions_changed_is_refused()
    {
        var mine = await TestOrg.CreateAsync(fixture, "Download");
        var theirs = await TestOrg.CreateAsync(fixture, "Download victim");
        var url = await DownloadUrlAsync(mine.Admin, "CCO mine\n");
        var victimUrl = await DownloadUrlAsync(theirs.Admin, $"CCO victim-secret-{Guid.NewGuid():N}\n");
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        var tampered = new Dictionary<string, Uri>
        {
            ["the path of another org's file"] = new UriBuilder(victimUrl) { Query = url.Query.TrimStart('?') }.Uri,
            ["another file name"] = new UriBuilder(url) { Path = url.AbsolutePath + ".bak" }.Uri,
            ["the signature"] = WithParameter(url, "sig", Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('x', 32)))),
            ["the expiry a year later"] = WithParameter(url, "se", DateTimeOffset.UtcNow.AddYears(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)),
            ["the permissions to read-write-delete"] = WithParameter(url, "sp", "rwd"),
            ["no signature"] = WithParameter(url, "sig", null),
        };

        Assert.Equal("CCO mine\n", await Storage.GetStringAsync(url));
        Assert.NotNull(query["sig"]);
        foreach (var (change, changed) in tampered)
        {
            using var response = await Storage.GetAsync(changed);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{change}: {(int)response.StatusCode}");
            Assert.DoesNotContain("victim-secret", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var overwrite = new HttpRequestMessage(HttpMethod.Put, WithParameter(url, "sp", "rw")) { Content = new StringContent("overwritten") };
        overwrite.Headers.Add("x-ms-blob-type", "BlockBlob");
        Assert.Equal(HttpStatusCode.Forbidden, (await Storage.SendAsync(overwrite)).StatusCode);
        Assert.Equal("CCO mine\n", await Storage.GetStringAsync(url));
    }

    private static async Task<Uri> DownloadUrlAsync(HttpClient client, string smiles)
    {
        using var body = new StringContent(smiles, Encoding.UTF8, "text/plain");
        using var uploaded = await client.PostAsync("/api/v1/artifacts?fileName=ligand.smi", body);
        uploaded.EnsureSuccessStatusCode();
        var id = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var download = await client.GetFromJsonAsync<JsonElement>($"/api/v1/artifacts/{id}/download");
        return new Uri(download.GetProperty("url").GetString()!);
    }

    private static Uri WithParameter(Uri url, string name, string? value)
    {
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        if (value is null)
        {
            query.Remove(name);
        }
        else
        {
            query[name] = value;
        }

        return new UriBuilder(url) { Query = query.ToString() }.Uri;
    }
}
