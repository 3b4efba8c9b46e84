using MolDash.Testing;

namespace MolDash.Integration.Tests.TaskServices;

/// <summary>One echo service process for the tests of a class; they use their own idempotency keys and compare stats before and after.</summary>
public sealed class EchoServiceFixture : IAsyncLifetime
{
    public const string InstanceName = "echo-under-test";

    public EchoService Service { get; private set; } = null!;

    public async Task InitializeAsync() => Service = await EchoService.StartAsync(InstanceName);

    public async Task DisposeAsync() => await Service.DisposeAsync();
}
