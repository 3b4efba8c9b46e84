using Microsoft.Extensions.Options;
using MolDash.GrainInterfaces.Errors;
using MolDash.Grains.Registry;
using MolDash.Grains.Tests.Infrastructure;

namespace MolDash.Grains.Tests.Registry;

public sealed class TaskDocumentFetcherTests
{
    // A generous default: only the timeout test is about time, and a busy machine must not fail the others.
    private static TaskDocumentFetcher Fetcher(string allowed, double timeoutSeconds = 15) =>
        new(Options.Create(new ImportOptions { ImportAllowedNetworks = allowed, ImportTimeout = TimeSpan.FromSeconds(timeoutSeconds) }), TimeProvider.System);

    [Fact]
    public async Task A_document_on_an_allowed_network_is_fetched()
    {
        await using var service = await FakeTaskService.StartAsync();
        service.OpenApiDocument = TaskDocuments.Minimal();
        using var fetcher = Fetcher("127.0.0.0/8");

        Assert.Equal(TaskDocuments.Minimal(), await fetcher.FetchAsync(new Uri(service.Address, "openapi.json").ToString()));
    }

    [Fact]
    public async Task A_host_name_is_checked_by_the_address_it_resolves_to()
    {
        await using var service = await FakeTaskService.StartAsync();
        using var fetcher = Fetcher("");

        var error = await Assert.ThrowsAsync<MolDashException>(() => fetcher.FetchAsync($"http://localhost:{service.Address.Port}/openapi.json"));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal("/url", Assert.Single(error.Errors).Pointer);
        Assert.Contains("localhost resolves to", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("is loopback and not allowed for imports", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Empty(service.Calls);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/openapi.json", "absolute http or https URL")]
    [InlineData("http://user:secret@127.0.0.1/openapi.json", "without credentials")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "never allowed for imports")]
    [InlineData("http://[fd00:ec2::254]/", "cloud metadata service")]
    [InlineData("http://10.0.0.5:8080/openapi.json", "the address 10.0.0.5 is private and not allowed for imports; allowed: 127.0.0.0/8")]
    public async Task Refused_urls_say_why(string url, string reason)
    {
        using var fetcher = Fetcher("127.0.0.0/8");

        var error = await Assert.ThrowsAsync<MolDashException>(() => fetcher.FetchAsync(url));

        Assert.Contains(reason, Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirects_are_not_followed()
    {
        await using var service = await FakeTaskService.StartAsync();
        using var fetcher = Fetcher("127.0.0.0/8");

        var error = await Assert.ThrowsAsync<MolDashException>(() => fetcher.FetchAsync(new Uri(service.Address, "moved").ToString()));

        Assert.Contains("answered 302 (a redirect to /openapi.json); redirects are not followed", error.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_above_the_size_limit_is_refused()
    {
        await using var service = await FakeTaskService.StartAsync();
        service.OpenApiDocument = new string(' ', TaskDocumentLimits.MaxBytes + 1);
        using var fetcher = Fetcher("127.0.0.0/8");

        var error = await Assert.ThrowsAsync<MolDashException>(() => fetcher.FetchAsync(new Uri(service.Address, "openapi.json").ToString()));

        Assert.Contains("larger than 1 MiB", error.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_answer_times_out_and_a_refused_connection_is_reported()
    {
        await using var service = await FakeTaskService.StartAsync();
        using var fetcher = Fetcher("127.0.0.0/8", timeoutSeconds: 0.5);

        var slow = await Assert.ThrowsAsync<MolDashException>(() => fetcher.FetchAsync(new Uri(service.Address, "slow.json").ToString()));
        var refused = await Assert.ThrowsAsync<MolDashException>(() => fetcher.FetchAsync(new Uri(FakeTaskService.RefusingAddress(), "openapi.json").ToString()));

        Assert.Contains("did not send its document within 0.5 s", slow.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("could not be reached", refused.Errors[0].Message, StringComparison.Ordinal);
    }
}
