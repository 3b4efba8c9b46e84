namespace MolDash.Docking.Tests.Infrastructure;

/// <summary>One service with default settings (bar a small file limit) shared by the tests of <see cref="DefaultHostGroup"/>.</summary>
public sealed class DefaultHostFixture : IAsyncLifetime
{
    public const int MaxFileBytes = 2 * 1024 * 1024;

    private DockingHost? _host;

    public DockingHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() =>
        _host = await DockingHost.StartAsync(new Dictionary<string, string?> { ["Docking:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
