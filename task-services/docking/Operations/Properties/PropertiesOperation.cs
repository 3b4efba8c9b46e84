using System.Diagnostics;
using MolDash.Docking.Jobs;
using MolDash.Docking.Validation;

namespace MolDash.Docking.Operations.Properties;

public sealed class PropertiesOperation(PropertiesCalculator calculator, EngineVersions engines, TimeProvider time) : ITaskOperation<PropertiesRequest>
{
    public string Name => "properties";

    public bool RunsLong(PropertiesRequest request) => false;

    public int Validate(PropertiesRequest request, InputErrors errors)
    {
        calculator.Validate(request, errors);
        return 0;
    }

    public async Task<object> RunAsync(PropertiesRequest request, TaskRunContext context)
    {
        var startedAt = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        context.Job.MarkRunning();
        var p = await calculator.CalculateAsync(request, context.Scratch, context.CancellationToken);
        var provenance = new Provenance(
            "moldash-docking", EngineVersions.ServiceVersion, await engines.GetAsync(),
            new Dictionary<string, object?> { ["moleculeFormat"] = request.MoleculeFormat },
            startedAt, time.GetUtcNow(), new Dictionary<string, double> { ["total"] = Math.Round(clock.Elapsed.TotalMilliseconds, 1) });
        return new PropertiesResponse(
            p.CanonicalSmiles, p.Formula, p.MolecularWeight, p.LogP, p.Tpsa, p.HydrogenBondDonors, p.HydrogenBondAcceptors,
            p.RotatableBonds, p.HeavyAtoms, p.FormalCharge, p.LipinskiViolations, provenance);
    }
}
