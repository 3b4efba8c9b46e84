using System.Diagnostics;
using MolDash.Docking.Jobs;
using MolDash.Docking.Molecules;
using MolDash.Docking.Validation;

namespace MolDash.Docking.Operations.PrepareLigand;

public sealed class PrepareLigandOperation(LigandPreparer preparer, EngineVersions engines, TimeProvider time) : ITaskOperation<PrepareLigandRequest>
{
    public string Name => "prepare-ligand";

    public bool RunsLong(PrepareLigandRequest request) => false;

    public int Validate(PrepareLigandRequest request, InputErrors errors)
    {
        preparer.Validate(request, "", errors, MoleculeFormats.PropertiesInput);
        return 0;
    }

    public async Task<object> RunAsync(PrepareLigandRequest request, TaskRunContext context)
    {
        var startedAt = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        context.Job.MarkRunning();
        var ligand = await preparer.PrepareAsync(request, "ligand", context.Scratch, context.CancellationToken);
        var provenance = new Provenance(
            "moldash-docking", EngineVersions.ServiceVersion, await engines.GetAsync(),
            new Dictionary<string, object?>
            {
                ["ligandFormat"] = request.LigandFormat,
                ["protonate"] = request.Protonate,
                ["ph"] = request.Ph,
                ["seed"] = request.Seed,
            },
            startedAt, time.GetUtcNow(), new Dictionary<string, double> { ["total"] = Math.Round(clock.Elapsed.TotalMilliseconds, 1) });
        return new PrepareLigandResponse(
            ligand.Pdbqt, ligand.Sdf, ligand.Formula, ligand.HeavyAtoms, ligand.RotatableBonds, ligand.FormalCharge,
            ligand.ConformerMethod, ligand.Warnings, provenance);
    }
}
