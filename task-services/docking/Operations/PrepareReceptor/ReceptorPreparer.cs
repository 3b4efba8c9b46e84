using System.Globalization;
using Microsoft.Extensions.Options;
using MolDash.Docking.Hosting;
using MolDash.Docking.Molecules;
using MolDash.Docking.Processes;
using MolDash.Docking.Validation;

namespace MolDash.Docking.Operations.PrepareReceptor;

/// <summary>Receptor PDB → cleaned PDB → rigid PDBQT (Open Babel merges non-polar hydrogens).</summary>
public sealed class ReceptorPreparer(OpenBabel openBabel, IOptions<DockingOptions> options)
{
    public void Validate(PrepareReceptorRequest request, InputErrors errors)
    {
        FileField.Check(errors, "receptor", request.Receptor, options.Value.MaxFileBytes);
        FileField.CheckFormat(errors, "receptorFormat", request.ReceptorFormat, MoleculeFormats.Receptor);
        errors.Range("ph", request.Ph, 0, 14);
    }

    public async Task<PreparedReceptor> PrepareAsync(
        PrepareReceptorRequest request, string field, ScratchDirectory scratch, CancellationToken cancellationToken)
    {
        var text = request.Receptor ?? "";
        if (request.ReceptorFormat == MoleculeFormats.Pdbqt)
        {
            return Passthrough(text, field);
        }

        var cleaned = PdbCleanup.Clean(text, field, new ReceptorCleanupOptions(request.RemoveWaters, request.RemoveHetero, request.KeepMetals));
        var warnings = new List<string>();
        var input = scratch.File("receptor.pdb");
        var output = scratch.File("receptor.pdbqt");
        await File.WriteAllTextAsync(input, cleaned.Pdb, cancellationToken);

        List<string> arguments = ["-xr"];
        var addHydrogens = request.AddHydrogens && !cleaned.HasHydrogens;
        if (addHydrogens)
        {
            arguments.AddRange(["-p", request.Ph.ToString(CultureInfo.InvariantCulture)]);
        }
        else if (request.AddHydrogens)
        {
            warnings.Add("The receptor already has hydrogens: they were kept as given and none were added.");
        }

        if (cleaned.Removed.AlternateLocationAtoms > 0)
        {
            warnings.Add($"{cleaned.Removed.AlternateLocationAtoms} atoms at alternate locations were dropped; the first location was kept.");
        }

        await openBabel.ConvertAsync(input, MoleculeFormats.Pdb, output, MoleculeFormats.Pdbqt, arguments, scratch.Path, cancellationToken);
        var pdbqt = File.Exists(output) ? await File.ReadAllTextAsync(output, cancellationToken) : "";
        var atoms = PdbqtText.Atoms(pdbqt);
        if (atoms.Count == 0)
        {
            throw new InputException(field, "Open Babel could not read any atoms from this PDB.");
        }

        return new PreparedReceptor(pdbqt, atoms, cleaned.Chains, cleaned.Residues, addHydrogens, cleaned.Removed, warnings);
    }

    private static PreparedReceptor Passthrough(string pdbqt, string field)
    {
        var atoms = PdbqtText.Atoms(pdbqt);
        if (atoms.Count == 0)
        {
            throw new InputException(field, "contains no ATOM or HETATM records with coordinates: it is empty, truncated or not PDBQT.");
        }

        if (atoms.Any(a => a.Element.Length == 0))
        {
            throw new InputException(field, "has atoms without an AutoDock atom type (columns 78-79): it is a plain PDB or truncated PDBQT.");
        }

        var chains = pdbqt.Split('\n')
            .Where(l => l.StartsWith("ATOM", StringComparison.Ordinal) || l.StartsWith("HETATM", StringComparison.Ordinal))
            .Select(l => l.Length > 21 && l[21] != ' ' ? l[21].ToString() : "_")
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var residues = pdbqt.Split('\n')
            .Where(l => (l.StartsWith("ATOM", StringComparison.Ordinal) || l.StartsWith("HETATM", StringComparison.Ordinal)) && l.Length >= 27)
            .Select(l => l.Substring(21, 6)).Distinct(StringComparer.Ordinal).Count();
        return new PreparedReceptor(pdbqt, atoms, chains, residues, false, new RemovedGroups(0, [], [], 0),
            ["PDBQT was passed through unchanged."]);
    }
}
