using MolDash.Testing;

namespace MolDash.Integration.Tests.Infrastructure;

/// <summary>One running platform shared by the tests of the "platform" collection.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public PlatformUnderTest Platform { get; private set; } = null!;

    public string RootToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Platform = await PlatformUnderTest.StartAsync("api");
        RootToken = await Platform.LoginAsRootAsync();
    }

    public async Task DisposeAsync() => await Platform.DisposeAsync();
}
