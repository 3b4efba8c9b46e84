using System.Globalization;
using Microsoft.Extensions.Options;
using MolDash.Docking.Hosting;
using MolDash.Docking.Molecules;
using MolDash.Docking.Processes;
using MolDash.Docking.Validation;

namespace MolDash.Docking.Operations.Properties;

/// <summary>Open Babel descriptors of the molecule as given (no protonation): MW, logP, TPSA, HBD, HBA1, rotors.</summary>
public sealed class PropertiesCalculator(OpenBabel openBabel, IOptions<DockingOptions> options)
{
    private const string Descriptors = "MW logP TPSA HBD HBA1 rotors";

    public void Validate(PropertiesRequest request, InputErrors errors)
    {
        FileField.Check(errors, "molecule", request.Molecule, options.Value.MaxFileBytes);
        FileField.CheckFormat(errors, "moleculeFormat", request.MoleculeFormat, MoleculeFormats.PropertiesInput);
    }

    public async Task<PropertiesMeasurement> CalculateAsync(PropertiesRequest request, ScratchDirectory scratch, CancellationToken cancellationToken)
    {
        var input = scratch.File("molecule." + request.MoleculeFormat);
        var table = scratch.File("descriptors.txt");
        var sdfPath = scratch.File("molecule.sdf");
        await File.WriteAllTextAsync(input, request.Molecule, cancellationToken);
        var read = await openBabel.ConvertAsync(
            input, request.MoleculeFormat, table, "can", ["-l", "1", "--title", "", "--append", Descriptors], scratch.Path, cancellationToken);
        if (read.Converted == 0)
        {
            throw new InputException("molecule", $"could not be read as {request.MoleculeFormat}: {read.ParseProblem() ?? "no molecule found"}.");
        }

        await openBabel.ConvertAsync(input, request.MoleculeFormat, sdfPath, MoleculeFormats.Sdf, ["-l", "1", "-h"], scratch.Path, cancellationToken);
        var molecule = SdfMolecule.ReadFirst(await File.ReadAllTextAsync(sdfPath, cancellationToken));
        if (molecule is null || molecule.Atoms.Count == 0)
        {
            throw new InputException("molecule", "contains no atoms.");
        }

        var line = (await File.ReadAllTextAsync(table, cancellationToken)).Split('\n')[0];
        var tab = line.IndexOf('\t', StringComparison.Ordinal);
        var values = line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tab < 0 || values.Length < 6)
        {
            throw new ToolFailedException("obabel", "descriptor output was not understood", line);
        }

        double Value(int i) => double.Parse(values[i], CultureInfo.InvariantCulture);
        return new PropertiesMeasurement(
            line[..tab], molecule.Formula, Math.Round(Value(0), 3), Math.Round(Value(1), 3), Math.Round(Value(2), 2),
            (int)Value(3), (int)Value(4), (int)Value(5), molecule.HeavyAtoms, molecule.FormalCharge);
    }
}
