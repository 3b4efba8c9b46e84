using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Infrastructure;

/// <summary>The shared docking test data: the 1UW6 complex's search box, and uploads checked by their checksum.</summary>
public static class DockingData
{
    public static readonly string Complex = Path.Combine(RepositoryLayout.SharedData, "complexes", "1UW6_NCT");

    /// <summary>The search box of the 1UW6 complex (its manifest row), as the dock task's center and size.</summary>
    public static (object Center, object Size) Box()
    {
        var manifest = File.ReadAllLines(Path.Combine(RepositoryLayout.SharedData, "complexes", "manifest.csv"))
            .Select(line => line.Split(',')).Single(parts => parts[0] == "1UW6_NCT");
        double At(int column) => double.Parse(manifest[column], CultureInfo.InvariantCulture);
        return (new { x = At(5), y = At(6), z = At(7) }, new { x = At(8), y = At(9), z = At(10) });
    }

    /// <summary>Uploads a file as an artifact of the caller's org and checks the checksum it was stored with.</summary>
    public static async Task<Guid> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await client.PostAsync($"/api/v1/artifacts?fileName={Uri.EscapeDataString(fileName)}", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var artifact = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), artifact.GetProperty("sha256").GetString());
        return artifact.GetProperty("id").GetGuid();
    }
}
