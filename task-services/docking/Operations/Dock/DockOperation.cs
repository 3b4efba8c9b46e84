using System.Diagnostics;
using Microsoft.Extensions.Options;
using MolDash.Docking.Docking;
using MolDash.Docking.Hosting;
using MolDash.Docking.Jobs;
using MolDash.Docking.Molecules;
using MolDash.Docking.Operations.PrepareLigand;
using MolDash.Docking.Operations.PrepareReceptor;
using MolDash.Docking.Processes;
using MolDash.Docking.Scheduling;
using MolDash.Docking.Validation;

namespace MolDash.Docking.Operations.Dock;

/// <summary>
/// Docks one ligand or a batch against one receptor (prepared once). Each ligand is prepared and
/// docked inside its own slot; in a batch a ligand's failure is reported in its result, not as a 422.
/// </summary>
public sealed class DockOperation(
    ReceptorPreparer receptorPreparer,
    LigandPreparer ligandPreparer,
    Vina vina,
    OpenBabel openBabel,
    EngineVersions engines,
    DockingSlots slots,
    TimeProvider time,
    IOptions<DockingOptions> options,
    ILogger<DockOperation> logger) : ITaskOperation<DockRequest>
{
    private static readonly string[] Scorings = ["vina", "vinardo"];
    private static readonly string[] PoseHydrogenModes = ["all", "polar"];
    private static readonly string[] ReferenceFormats = [MoleculeFormats.Sdf, MoleculeFormats.Mol2, MoleculeFormats.Pdb, MoleculeFormats.Pdbqt];
    private const double DefaultBoxEdge = 20.0;

    private readonly DockingOptions _options = options.Value;

    public string Name => "dock";

    public bool RunsLong(DockRequest request) => request.Ligands?.Count >= _options.AsyncLigandThreshold;

    public int Validate(DockRequest request, InputErrors errors)
    {
        FileField.Check(errors, "receptor", request.Receptor, _options.MaxFileBytes);
        FileField.CheckFormat(errors, "receptorFormat", request.ReceptorFormat, MoleculeFormats.Receptor);
        var count = ValidateLigands(request, errors);
        ValidateBox(request, errors);
        errors.Range("exhaustiveness", request.Exhaustiveness, 1, 64);
        errors.Range("numModes", request.NumModes, 1, 20);
        errors.Range("energyRange", request.EnergyRange, 0.1, 10);
        errors.Range("cpu", request.Cpu, 1, slots.Slots);
        errors.Range("ph", request.Ph, 0, 14);
        FileField.CheckFormat(errors, "scoring", request.Scoring, Scorings);
        FileField.CheckFormat(errors, "poseHydrogens", request.PoseHydrogens, PoseHydrogenModes);
        return count;
    }

    public async Task<object> RunAsync(DockRequest request, TaskRunContext context)
    {
        var startedAt = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var cancellationToken = context.CancellationToken;
        var receptor = await receptorPreparer.PrepareAsync(
            new PrepareReceptorRequest { Receptor = request.Receptor, ReceptorFormat = request.ReceptorFormat, Ph = request.Ph },
            "receptor", context.Scratch, cancellationToken);
        var receptorPath = context.Scratch.File("receptor-prepared.pdbqt");
        await File.WriteAllTextAsync(receptorPath, receptor.Pdbqt, cancellationToken);
        var receptorMs = clock.Elapsed.TotalMilliseconds;

        var (box, boxSource) = await SearchBoxAsync(request, context.Scratch, cancellationToken);
        var atomsInBox = box.CountInside(receptor.Atoms);
        if (atomsInBox == 0)
        {
            throw new InputException(boxSource == "explicit" ? "center" : "autoboxLigand",
                "the search box contains no receptor atoms: it is outside the protein.");
        }

        var parameters = new VinaParameters(request.Exhaustiveness, request.NumModes, request.EnergyRange, request.Seed, request.Scoring, request.Cpu);
        var ligands = request.Ligands is { } batch
            ? batch.Select((l, i) => (Id: l.Id ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture), l.Ligand, l.LigandFormat, Prefix: $"ligands[{i}]."))
                .ToList()
            : [(Id: "ligand", request.Ligand, request.LigandFormat, Prefix: "")];
        var results = await Task.WhenAll(ligands.Select((l, index) => DockOneAsync(
            request, context, receptorPath, box, parameters, index, l.Id, new PrepareLigandRequest
            {
                Ligand = l.Ligand, LigandFormat = l.LigandFormat, Protonate = request.Protonate, Ph = request.Ph, Seed = request.Seed,
            }, l.Prefix, isBatch: request.Ligands is not null)));

        var provenance = new Provenance(
            "moldash-docking", EngineVersions.ServiceVersion, await engines.GetAsync(),
            new Dictionary<string, object?>
            {
                ["receptorFormat"] = request.ReceptorFormat,
                ["ligandCount"] = ligands.Count,
                ["box"] = new BoxSummary([box.CenterX, box.CenterY, box.CenterZ], [box.SizeX, box.SizeY, box.SizeZ], boxSource),
                ["autoboxPadding"] = boxSource == "autobox" ? request.AutoboxPadding : null,
                ["exhaustiveness"] = request.Exhaustiveness,
                ["numModes"] = request.NumModes,
                ["energyRange"] = request.EnergyRange,
                ["seed"] = request.Seed,
                ["scoring"] = request.Scoring,
                ["cpu"] = request.Cpu,
                ["protonate"] = request.Protonate,
                ["ph"] = request.Ph,
                ["poseHydrogens"] = request.PoseHydrogens,
                ["conformer"] = "rdkit-etkdg (SMILES), input coordinates otherwise",
                ["poseConfidence"] = $"share of poses ranked 2-{PoseConfidence.ComparedPoses + 1} within {PoseConfidence.AgreementRmsd} Å (Vina RMSD l.b.) of the best pose",
            },
            startedAt, time.GetUtcNow(),
            new Dictionary<string, double> { ["receptorPreparation"] = Math.Round(receptorMs, 1), ["total"] = Math.Round(clock.Elapsed.TotalMilliseconds, 1) });
        return new DockResponse(
            new ReceptorSummary(receptor.Atoms.Count, atomsInBox, receptor.Chains, request.ReceptorFormat, receptor.Warnings),
            new BoxSummary([box.CenterX, box.CenterY, box.CenterZ], [box.SizeX, box.SizeY, box.SizeZ], boxSource),
            results, results.Count(r => r.Error is null), results.Count(r => r.Error is not null), provenance);
    }

    private async Task<LigandDockResult> DockOneAsync(
        DockRequest request, TaskRunContext context, string receptorPath, SearchBox box, VinaParameters parameters,
        int index, string id, PrepareLigandRequest ligand, string prefix, bool isBatch)
    {
        var cancellationToken = context.CancellationToken;
        var field = prefix + "ligand";
        var clock = Stopwatch.StartNew();
        using var lease = await context.Slots.AcquireAsync(request.Cpu, cancellationToken);
        context.Job.MarkRunning();
        var queuedMs = clock.Elapsed.TotalMilliseconds;
        using var folder = context.Scratch.Child($"ligand-{index}");
        try
        {
            var prepared = await ligandPreparer.PrepareAsync(ligand, field, folder, cancellationToken);
            var preparedMs = clock.Elapsed.TotalMilliseconds;
            var ligandPath = folder.File("docking-input.pdbqt");
            await File.WriteAllTextAsync(ligandPath, prepared.Pdbqt, cancellationToken);
            var run = await vina.DockAsync(receptorPath, ligandPath, box, parameters, field, folder.Path, cancellationToken);
            var poses = run.Poses;
            var sdf = await PoseSdfAsync(folder, request.PoseHydrogens == "all", poses.Count, cancellationToken);
            var dockedMs = clock.Elapsed.TotalMilliseconds;
            return new LigandDockResult(
                id, "succeeded", poses[0].Affinity, PoseConfidence.Of(poses),
                [.. poses.Select((p, i) => new DockedPose(p.Rank, p.Affinity, p.RmsdLowerBound, p.RmsdUpperBound, sdf[i], p.Pdbqt))],
                new LigandSummary(prepared.Formula, prepared.HeavyAtoms, prepared.RotatableBonds, prepared.FormalCharge, prepared.ConformerMethod),
                prepared.Warnings, null,
                new Dictionary<string, double>
                {
                    ["queued"] = Math.Round(queuedMs, 1),
                    ["preparation"] = Math.Round(preparedMs - queuedMs, 1),
                    ["docking"] = Math.Round(dockedMs - preparedMs, 1),
                    ["vina"] = Math.Round(run.Elapsed.TotalMilliseconds, 1),
                });
        }
        catch (InputException e) when (isBatch)
        {
            return Failed(id, new LigandError(e.Errors.Keys.First(), string.Join(" ", e.Errors.Values.First())), queuedMs);
        }
        catch (ToolFailedException e) when (isBatch)
        {
            logger.LogError("{Tool} failed on ligand {LigandId}: {Reason}. Diagnostic: {Diagnostic}", e.Tool, id, e.Reason, e.Diagnostic);
            return Failed(id, new LigandError(field, $"{e.Tool} failed: {e.Reason}."), queuedMs);
        }
    }

    private async Task<IReadOnlyList<string>> PoseSdfAsync(ScratchDirectory folder, bool allHydrogens, int expected, CancellationToken cancellationToken)
    {
        var output = folder.File("poses.sdf");
        await openBabel.ConvertAsync(folder.File("poses.pdbqt"), MoleculeFormats.Pdbqt, output, MoleculeFormats.Sdf, allHydrogens ? ["-h"] : [], folder.Path, cancellationToken);
        var records = SdfMolecule.SplitRecords(await File.ReadAllTextAsync(output, cancellationToken));
        return records.Count == expected ? records : throw new ToolFailedException("obabel", $"{records.Count} of {expected} poses converted to SDF", output);
    }

    private static LigandDockResult Failed(string id, LigandError error, double queuedMs) =>
        new(id, "failed", null, null, [], null, [], error, new Dictionary<string, double> { ["queued"] = Math.Round(queuedMs, 1) });

    private async Task<(SearchBox Box, string Source)> SearchBoxAsync(DockRequest request, ScratchDirectory scratch, CancellationToken cancellationToken)
    {
        if (request.AutoboxLigand is null)
        {
            var size = request.Size;
            return (new SearchBox(request.Center!.X!.Value, request.Center.Y!.Value, request.Center.Z!.Value,
                size?.X ?? DefaultBoxEdge, size?.Y ?? DefaultBoxEdge, size?.Z ?? DefaultBoxEdge), "explicit");
        }

        var atoms = await ReferenceAtomsAsync(request, scratch, cancellationToken);
        var box = SearchBox.Around(atoms, request.AutoboxPadding);
        if (Math.Max(box.SizeX, Math.Max(box.SizeY, box.SizeZ)) > _options.MaxBoxEdge)
        {
            throw new InputException("autoboxLigand", FormattableString.Invariant(
                $"gives a box of {box.SizeX} × {box.SizeY} × {box.SizeZ} Å with this padding; no edge may exceed {_options.MaxBoxEdge} Å."));
        }

        return (box, "autobox");
    }

    private async Task<IReadOnlyList<Atom>> ReferenceAtomsAsync(DockRequest request, ScratchDirectory scratch, CancellationToken cancellationToken)
    {
        IReadOnlyList<Atom> atoms;
        if (request.AutoboxLigandFormat == MoleculeFormats.Pdbqt)
        {
            atoms = PdbqtText.Atoms(request.AutoboxLigand!);
        }
        else
        {
            var input = scratch.File("reference." + request.AutoboxLigandFormat);
            var output = scratch.File("reference.sdf");
            await File.WriteAllTextAsync(input, request.AutoboxLigand, cancellationToken);
            var read = await openBabel.ConvertAsync(input, request.AutoboxLigandFormat, output, MoleculeFormats.Sdf, ["-l", "1"], scratch.Path, cancellationToken);
            atoms = read.Converted == 0 || !File.Exists(output)
                ? []
                : SdfMolecule.ReadFirst(await File.ReadAllTextAsync(output, cancellationToken))?.Atoms ?? [];
        }

        return atoms.Count > 0
            ? atoms
            : throw new InputException("autoboxLigand", $"contains no atoms readable as {request.AutoboxLigandFormat}.");
    }

    private int ValidateLigands(DockRequest request, InputErrors errors)
    {
        if (request.Ligand is not null && request.Ligands is not null)
        {
            errors.Add("ligands", "give either ligand (one) or ligands (a batch), not both.");
            return 0;
        }

        if (request.Ligands is null)
        {
            FileField.Check(errors, "ligand", request.Ligand, _options.MaxFileBytes);
            FileField.CheckFormat(errors, "ligandFormat", request.LigandFormat, MoleculeFormats.Ligand);
            return 1;
        }

        if (request.Ligands.Count == 0 || request.Ligands.Count > _options.MaxBatchLigands)
        {
            errors.Add("ligands", $"must hold between 1 and {_options.MaxBatchLigands} ligands; got {request.Ligands.Count}.");
            return 0;
        }

        if (request.Ligands.Count > slots.MaxAdmissible)
        {
            errors.Add("ligands", $"holds {request.Ligands.Count} ligands; this service can admit at most {slots.MaxAdmissible} at once (slots + queue): split the batch.");
            return 0;
        }

        for (var i = 0; i < request.Ligands.Count; i++)
        {
            FileField.Check(errors, $"ligands[{i}].ligand", request.Ligands[i].Ligand, _options.MaxFileBytes);
            FileField.CheckFormat(errors, $"ligands[{i}].ligandFormat", request.Ligands[i].LigandFormat, MoleculeFormats.Ligand);
        }

        return request.Ligands.Count;
    }

    private void ValidateBox(DockRequest request, InputErrors errors)
    {
        if (request.AutoboxLigand is not null)
        {
            if (request.Center is not null || request.Size is not null)
            {
                errors.Add("autoboxLigand", "give either center and size or autoboxLigand, not both.");
            }

            FileField.Check(errors, "autoboxLigand", request.AutoboxLigand, _options.MaxFileBytes);
            FileField.CheckFormat(errors, "autoboxLigandFormat", request.AutoboxLigandFormat, ReferenceFormats);
            errors.Range("autoboxPadding", request.AutoboxPadding, 0, 20);
            return;
        }

        if (request.Center is null)
        {
            errors.Add("center", "is required unless autoboxLigand is given.");
        }
        else
        {
            Require(errors, "center.x", request.Center.X);
            Require(errors, "center.y", request.Center.Y);
            Require(errors, "center.z", request.Center.Z);
        }

        if (request.Size is not null)
        {
            foreach (var (axis, value) in new[] { ("x", request.Size.X), ("y", request.Size.Y), ("z", request.Size.Z) })
            {
                if (value is > 0 && value > _options.MaxBoxEdge)
                {
                    errors.Add("size." + axis, FormattableString.Invariant($"is {value} Å; no box edge may exceed {_options.MaxBoxEdge} Å."));
                }
                else
                {
                    errors.Range("size." + axis, value, 1, _options.MaxBoxEdge);
                }
            }
        }
    }

    private static void Require(InputErrors errors, string field, double? value)
    {
        if (value is null || !double.IsFinite(value.Value))
        {
            errors.Add(field, "is required (Å).");
        }
    }
}
