using Microsoft.Extensions.Options;
using MolDash.Docking.Docking;
using MolDash.Docking.Hosting;
using MolDash.Docking.Molecules;

namespace MolDash.Docking.Operations;

/// <summary>Engine versions for provenance, asked once per process (they cannot change under a running service).</summary>
public sealed class EngineVersions(Vina vina, OpenBabel openBabel, RdkitConformer rdkit, IOptions<DockingOptions> options)
{
    private readonly Lazy<Task<IReadOnlyList<EngineVersion>>> _versions = new(async () =>
    {
        var work = options.Value.WorkDirectory;
        return
        [
            new EngineVersion("AutoDock Vina", await vina.VersionAsync(work, CancellationToken.None)),
            new EngineVersion("Open Babel", await openBabel.VersionAsync(work, CancellationToken.None)),
            new EngineVersion("RDKit", await rdkit.VersionAsync(work, CancellationToken.None)),
        ];
    });

    public Task<IReadOnlyList<EngineVersion>> GetAsync() => _versions.Value;

    public static string ServiceVersion { get; } =
        typeof(EngineVersions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
