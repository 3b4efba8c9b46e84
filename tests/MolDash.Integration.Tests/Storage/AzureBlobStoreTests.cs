using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MolDash.GrainInterfaces.Errors;
using MolDash.Grains.Jobs;
using MolDash.Grains.Storage;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Storage;

/// <summary>The storage adapter against Azurite, through the real Azure Blob API.</summary>
public sealed class AzureBlobStoreTests : IAsyncLifetime
{
    private static readonly HttpClient Http = new();
    private readonly string container = "org-" + Guid.NewGuid().ToString("N")[..12];
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private readonly AzureBlobStore store;

    public AzureBlobStoreTests() => store = CreateStore(time);

    public Task InitializeAsync() => store.EnsureContainerAsync(container, CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_streamed_upload_reads_back_byte_for_byte_with_its_checksum()
    {
        var content = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);

        var stored = await store.PutAsync(container, "molecules/big.sdf", new MemoryStream(content), "chemical/x-mdl-sdfile", CancellationToken.None);
        await using var read = await store.OpenReadAsync(container, "molecules/big.sdf", CancellationToken.None);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy);

        Assert.Equal(content.Length, stored.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), stored.Sha256);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task Appends_land_one_after_another_and_each_range_reads_back_alone()
    {
        byte[][] parts = [Encoding.UTF8.GetBytes("first line\n"), Encoding.UTF8.GetBytes("second, longer line\n"), Encoding.UTF8.GetBytes("third\n")];

        var offsets = new List<long>();
        foreach (var part in parts)
        {
            offsets.Add(await store.AppendAsync(container, "jobs/logs/shared.log", part, CancellationToken.None));
        }

        Assert.Equal([0L, parts[0].Length, parts[0].Length + parts[1].Length], offsets);
        await using var second = await store.OpenReadRangeAsync(container, "jobs/logs/shared.log", offsets[1], parts[1].Length, CancellationToken.None);
        Assert.Equal("second, longer line\n", await new StreamReader(second!).ReadToEndAsync());
        Assert.Null(await store.OpenReadRangeAsync(container, "jobs/logs/missing.log", 0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Logs_of_jobs_finishing_together_share_a_blob_and_each_reads_back_as_its_own()
    {
        var archive = new JobLogArchive(store, time);
        var orgId = Guid.NewGuid();
        var orgContainer = Grains.Organizations.OrgResourceNames.BlobContainer(orgId);
        await store.EnsureContainerAsync(orgContainer, CancellationToken.None);
        var logs = Enumerable.Range(0, 100).Select(i => (JobId: Guid.NewGuid(), Text: $"job {i}: {new string('x', i)}\n")).ToList();
        var large = (JobId: Guid.NewGuid(), Text: new string('y', JobLogArchive.MaxSharedLogBytes + 1));

        var locations = await Task.WhenAll(logs.Append(large).Select(log => archive.StoreAsync(orgId, log.JobId, log.Text, CancellationToken.None)));

        var shared = locations[..^1];
        Assert.All(shared, location => Assert.StartsWith("jobs/logs/", location.Blob, StringComparison.Ordinal));
        Assert.Single(shared.Select(location => location.Blob).Distinct());
        var ordered = shared.OrderBy(location => location.Offset).ToList();
        Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.Equal(pair.First.Offset + pair.First.Length, pair.Second.Offset));
        foreach (var (log, location) in logs.Zip(shared))
        {
            await using var range = await store.OpenReadRangeAsync(orgContainer, location.Blob, location.Offset, location.Length!.Value, CancellationToken.None);
            Assert.Equal(log.Text, await new StreamReader(range!).ReadToEndAsync());
        }

        Assert.Equal(LogLocation.Whole($"jobs/{large.JobId:N}/job.log"), locations[^1]);
    }

    [Fact]
    public async Task Listing_by_prefix_shows_sizes_types_and_checksums()
    {
        await store.PutAsync(container, "jobs/1/pose.sdf", Text("pose"), "chemical/x-mdl-sdfile", CancellationToken.None);
        await store.PutAsync(container, "jobs/1/log.txt", Text("log line"), "text/plain", CancellationToken.None);
        await store.PutAsync(container, "jobs/2/pose.sdf", Text("other"), "chemical/x-mdl-sdfile", CancellationToken.None);

        var listed = await store.ListAsync(container, "jobs/1/", CancellationToken.None).ToListAsync();

        Assert.Equal(["jobs/1/log.txt", "jobs/1/pose.sdf"], listed.Select(b => b.Name).Order(StringComparer.Ordinal));
        var log = listed.Single(b => b.Name.EndsWith("log.txt", StringComparison.Ordinal));
        Assert.Equal(8, log.Size);
        Assert.Equal("text/plain", log.ContentType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("log line"u8)), log.Sha256);
    }

    [Fact]
    public async Task Deleting_removes_the_blob_and_says_whether_there_was_one()
    {
        await store.PutAsync(container, "tmp.txt", Text("x"), "text/plain", CancellationToken.None);

        Assert.True(await store.DeleteAsync(container, "tmp.txt", CancellationToken.None));
        Assert.False(await store.DeleteAsync(container, "tmp.txt", CancellationToken.None));
        Assert.Null(await store.OpenReadAsync(container, "tmp.txt", CancellationToken.None));
    }

    [Fact]
    public async Task A_presigned_read_url_works_with_a_plain_http_client_and_only_for_reading()
    {
        await store.PutAsync(container, "receptor.pdb", Text("ATOM"), "chemical/x-pdb", CancellationToken.None);
        var url = store.GetReadUrl(container, "receptor.pdb");

        Assert.Equal("ATOM", await Http.GetStringAsync(url));
        using var write = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent("overwritten") };
        write.Headers.Add("x-ms-blob-type", "BlockBlob");
        Assert.Equal(HttpStatusCode.Forbidden, (await Http.SendAsync(write)).StatusCode);
    }

    [Fact]
    public async Task A_presigned_write_url_lets_a_client_upload_directly()
    {
        var url = store.GetWriteUrl(container, "uploads/ligand.smi");
        using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent("CCO ethanol") };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");

        using var response = await Http.SendAsync(put);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var read = await store.OpenReadAsync(container, "uploads/ligand.smi", CancellationToken.None);
        Assert.Equal("CCO ethanol", await new StreamReader(read!).ReadToEndAsync());
    }

    [Fact]
    public async Task Expired_or_tampered_presigned_urls_are_refused()
    {
        await store.PutAsync(container, "secret.sdf", Text("data"), "chemical/x-mdl-sdfile", CancellationToken.None);
        var issuedAnHourAgo = CreateStore(new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1)));
        var expired = issuedAnHourAgo.GetReadUrl(container, "secret.sdf", TimeSpan.FromMinutes(5));
        var valid = store.GetReadUrl(container, "secret.sdf").ToString();
        var tampered = new Uri(valid.Replace("sp=r", "sp=rw", StringComparison.Ordinal));
        var otherBlob = new Uri(valid.Replace("secret.sdf", "other.sdf", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Forbidden, (await Http.GetAsync(expired)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Http.GetAsync(tampered)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Http.GetAsync(otherBlob)).StatusCode);
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("a/../../escape.txt")]
    [InlineData("/absolute.txt")]
    [InlineData("back\\slash.txt")]
    [InlineData("")]
    public async Task Names_that_could_leave_the_container_are_refused(string name)
    {
        var error = await Assert.ThrowsAsync<MolDashException>(() =>
            store.PutAsync(container, name, Text("x"), "text/plain", CancellationToken.None));

        Assert.Equal(ErrorKind.Validation, error.Kind);
    }

    private static AzureBlobStore CreateStore(TimeProvider clock) => new(
        new BlobServiceClient(TestEnvironment.BlobConnectionString),
        Options.Create(new BlobStorageOptions { ConnectionString = TestEnvironment.BlobConnectionString, ContainerPrefix = "test" }),
        clock);

    private static MemoryStream Text(string value) => new(Encoding.UTF8.GetBytes(value));
}
