using System.Diagnostics;
using MolDash.Docking.Jobs;
using MolDash.Docking.Validation;

namespace MolDash.Docking.Operations.PrepareReceptor;

public sealed class PrepareReceptorOperation(ReceptorPreparer preparer, EngineVersions engines, TimeProvider time) : ITaskOperation<PrepareReceptorRequest>
{
    public string Name => "prepare-receptor";

    public bool RunsLong(PrepareReceptorRequest request) => false;

    public int Validate(PrepareReceptorRequest request, InputErrors errors)
    {
        preparer.Validate(request, errors);
        return 0;
    }

    public async Task<object> RunAsync(PrepareReceptorRequest request, TaskRunContext context)
    {
        var startedAt = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        context.Job.MarkRunning();
        var receptor = await preparer.PrepareAsync(request, "receptor", context.Scratch, context.CancellationToken);
        var provenance = new Provenance(
            "moldash-docking", EngineVersions.ServiceVersion, await engines.GetAsync(),
            new Dictionary<string, object?>
            {
                ["receptorFormat"] = request.ReceptorFormat,
                ["removeWaters"] = request.RemoveWaters,
                ["removeHetero"] = request.RemoveHetero,
                ["keepMetals"] = request.KeepMetals,
                ["addHydrogens"] = request.AddHydrogens,
                ["ph"] = request.Ph,
            },
            startedAt, time.GetUtcNow(), new Dictionary<string, double> { ["total"] = Math.Round(clock.Elapsed.TotalMilliseconds, 1) });
        return new PrepareReceptorResponse(
            receptor.Pdbqt, receptor.Chains, receptor.Residues, receptor.Atoms.Count, receptor.HydrogensAdded, receptor.Removed, receptor.Warnings, provenance);
    }
}
