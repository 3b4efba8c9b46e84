using System.Globalization;
using Microsoft.Extensions.Options;
using MolDash.Docking.Hosting;
using MolDash.Docking.Molecules;
using MolDash.Docking.Processes;
using MolDash.Docking.Validation;

namespace MolDash.Docking.Operations.PrepareLigand;

/// <summary>
/// Ligand → protonated at pH → 3D → PDBQT. Protonation and 3D are separate Open Babel calls because
/// <c>-p</c> together with <c>--gen3d</c> is silently skipped; SMILES get their 3D from RDKit ETKDG.
/// </summary>
public sealed class LigandPreparer(OpenBabel openBabel, RdkitConformer rdkit, IOptions<DockingOptions> options)
{
    /// <summary>Elements Vina's scoring function has atom types for; boron and metals cannot be scored.</summary>
    private static readonly HashSet<string> ScorableElements = new(["H", "C", "N", "O", "S", "P", "F", "Cl", "Br", "I"], StringComparer.Ordinal);

    private readonly DockingOptions _options = options.Value;

    public void Validate(PrepareLigandRequest request, string prefix, InputErrors errors, IReadOnlyCollection<string> formats)
    {
        FileField.Check(errors, prefix + "ligand", request.Ligand, _options.MaxFileBytes);
        FileField.CheckFormat(errors, prefix + "ligandFormat", request.LigandFormat, formats);
        errors.Range(prefix + "ph", request.Ph, 0, 14);
    }

    public async Task<PreparedLigand> PrepareAsync(
        PrepareLigandRequest request, string field, ScratchDirectory scratch, CancellationToken cancellationToken)
    {
        var text = request.Ligand ?? "";
        return request.LigandFormat switch
        {
            MoleculeFormats.Pdbqt => await FromPdbqtAsync(text, field, scratch, cancellationToken),
            MoleculeFormats.Smiles => await FromSmilesAsync(request, text, field, scratch, cancellationToken),
            _ => await From3DAsync(request, text, field, scratch, cancellationToken),
        };
    }

    private async Task<PreparedLigand> FromSmilesAsync(
        PrepareLigandRequest request, string text, string field, ScratchDirectory scratch, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length > 1)
        {
            warnings.Add("Only the first SMILES line was used.");
        }

        var input = scratch.File("ligand.smi");
        var protonated = scratch.File("protonated.smi");
        await File.WriteAllTextAsync(input, lines[0].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0] + "\n", cancellationToken);
        var read = await openBabel.ConvertAsync(input, MoleculeFormats.Smiles, protonated, "can", request.Protonate ? ProtonationArguments(request) : [], scratch.Path, cancellationToken);
        if (read.Converted == 0)
        {
            throw new InputException(field, $"is not a valid SMILES: {read.ParseProblem() ?? "Open Babel could not parse it."}");
        }

        var conformer = scratch.File("conformer.sdf");
        var method = "rdkit-etkdg";
        if (!await rdkit.TryGenerateAsync(protonated, conformer, request.Seed, scratch.Path, cancellationToken))
        {
            method = "openbabel-gen3d";
            warnings.Add("RDKit could not embed this molecule; Open Babel's --gen3d built the conformer instead.");
            await openBabel.ConvertAsync(protonated, MoleculeFormats.Smiles, conformer, MoleculeFormats.Sdf, ["--gen3d"], scratch.Path, cancellationToken);
        }

        return await FinishAsync(conformer, field, method, warnings, scratch, cancellationToken);
    }

    private async Task<PreparedLigand> From3DAsync(
        PrepareLigandRequest request, string text, string field, ScratchDirectory scratch, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var input = scratch.File("ligand." + request.LigandFormat);
        var prepared = scratch.File("prepared.sdf");
        await File.WriteAllTextAsync(input, text, cancellationToken);
        var read = await openBabel.ConvertAsync(input, request.LigandFormat, prepared, MoleculeFormats.Sdf, ["-l", "1", .. ProtonationArguments(request)], scratch.Path, cancellationToken);
        var molecule = read.Converted == 0 || !File.Exists(prepared) ? null : SdfMolecule.ReadFirst(await File.ReadAllTextAsync(prepared, cancellationToken));
        if (molecule is null)
        {
            throw new InputException(field, $"could not be read as {request.LigandFormat}: {read.ParseProblem() ?? "no molecule found"}.");
        }

        if (molecule.Atoms.Count == 0)
        {
            throw new InputException(field, "contains no atoms.");
        }

        var method = "input";
        if (molecule.IsFlat)
        {
            method = "openbabel-gen3d";
            warnings.Add("The input has no 3D coordinates; Open Babel's --gen3d built a conformer.");
            var built = scratch.File("prepared3d.sdf");
            await openBabel.ConvertAsync(prepared, MoleculeFormats.Sdf, built, MoleculeFormats.Sdf, ["--gen3d"], scratch.Path, cancellationToken);
            prepared = built;
        }

        return await FinishAsync(prepared, field, method, warnings, scratch, cancellationToken);
    }

    private async Task<PreparedLigand> FromPdbqtAsync(string text, string field, ScratchDirectory scratch, CancellationToken cancellationToken)
    {
        if (PdbqtText.Atoms(text).Count == 0 || !PdbqtText.IsLigand(text))
        {
            throw new InputException(field, "is not a ligand PDBQT: it needs ATOM records inside ROOT … ENDROOT and a TORSDOF line.");
        }

        var input = scratch.File("ligand.pdbqt");
        var sdfPath = scratch.File("ligand.sdf");
        await File.WriteAllTextAsync(input, text, cancellationToken);
        await openBabel.ConvertAsync(input, MoleculeFormats.Pdbqt, sdfPath, MoleculeFormats.Sdf, [], scratch.Path, cancellationToken);
        var sdf = await File.ReadAllTextAsync(sdfPath, cancellationToken);
        var molecule = SdfMolecule.ReadFirst(sdf) ?? throw new InputException(field, "could not be read as PDBQT.");
        var torsions = PdbqtText.Torsions(text);
        CheckLimits(molecule, torsions, field);
        return new PreparedLigand(text, sdf, molecule.Formula, molecule.HeavyAtoms, torsions, molecule.FormalCharge, "input", ["PDBQT was used as given."]);
    }

    private async Task<PreparedLigand> FinishAsync(
        string sdfPath, string field, string method, List<string> warnings, ScratchDirectory scratch, CancellationToken cancellationToken)
    {
        var sdf = await File.ReadAllTextAsync(sdfPath, cancellationToken);
        var molecule = SdfMolecule.ReadFirst(sdf) ?? throw new ToolFailedException("obabel", "no conformer was written", sdfPath);
        var pdbqtPath = scratch.File("ligand.pdbqt");
        var unscorable = molecule.Atoms.Select(a => a.Element).Where(e => !ScorableElements.Contains(e)).Distinct(StringComparer.Ordinal).ToList();
        if (unscorable.Count > 0)
        {
            throw new InputException(field, $"contains {string.Join(", ", unscorable)}: Vina has no atom types for these elements (boron, metals).");
        }

        await openBabel.ConvertAsync(sdfPath, MoleculeFormats.Sdf, pdbqtPath, MoleculeFormats.Pdbqt, [], scratch.Path, cancellationToken);
        var pdbqt = await File.ReadAllTextAsync(pdbqtPath, cancellationToken);
        var torsions = PdbqtText.Torsions(pdbqt);
        CheckLimits(molecule, torsions, field);
        if (Math.Abs(molecule.FormalCharge) >= 2)
        {
            warnings.Add($"Net charge {molecule.FormalCharge:+#;-#;0}: Open Babel's pH model tends to over-protonate; check the protonation state.");
        }

        return new PreparedLigand(pdbqt, sdf, molecule.Formula, molecule.HeavyAtoms, torsions, molecule.FormalCharge, method, warnings);
    }

    private void CheckLimits(SdfMolecule molecule, int torsions, string field)
    {
        if (molecule.HeavyAtoms > _options.MaxLigandHeavyAtoms)
        {
            throw new InputException(field, $"has {molecule.HeavyAtoms} heavy atoms; the limit is {_options.MaxLigandHeavyAtoms}.");
        }

        if (torsions > _options.MaxRotatableBonds)
        {
            throw new InputException(field, $"has {torsions} rotatable bonds; the limit is {_options.MaxRotatableBonds}.");
        }
    }

    private static string[] ProtonationArguments(PrepareLigandRequest request) =>
        request.Protonate ? ["-p", request.Ph.ToString(CultureInfo.InvariantCulture)] : ["-h"];
}
