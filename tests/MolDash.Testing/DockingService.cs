namespace MolDash.Testing;

/// <summary>The docking task service (task-services/docking: AutoDock Vina, Open Babel, RDKit) as a real process on a free loopback port.</summary>
public sealed class DockingService : IAsyncDisposable
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(60);
    private readonly ServiceProcess process;
    private readonly string workDirectory;

    private DockingService(ServiceProcess process, string workDirectory)
    {
        this.process = process;
        this.workDirectory = workDirectory;
    }

    /// <summary>Where it listens, as the platform registers an instance ("http://127.0.0.1:port/").</summary>
    public Uri Address => new(process.BaseAddress, "/");

    public static async Task<DockingService> StartAsync(int slots = 2)
    {
        var work = Path.Combine(Path.GetTempPath(), "moldash-docking", Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string>
        {
            ["Docking__WorkDirectory"] = work,
            ["Docking__Slots"] = slots.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var process = await ServiceProcess.StartAsync("docking service", RepositoryLayout.DockingServiceAssembly, environment, ReadyWithin);
        return new DockingService(process, work);
    }

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        if (Directory.Exists(workDirectory))
        {
            Directory.Delete(workDirectory, recursive: true);
        }
    }
}
