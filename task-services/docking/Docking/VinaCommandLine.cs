using System.Globalization;

namespace MolDash.Docking.Docking;

/// <summary>The exact Vina arguments for a docking; the benchmark runs the same line directly to measure overhead.</summary>
public static class VinaCommandLine
{
    public static IReadOnlyList<string> Arguments(string receptor, string ligand, string output, SearchBox box, VinaParameters parameters)
    {
        static string N(double value) => value.ToString(CultureInfo.InvariantCulture);
        return
        [
            "--receptor", receptor, "--ligand", ligand, "--out", output,
            "--center_x", N(box.CenterX), "--center_y", N(box.CenterY), "--center_z", N(box.CenterZ),
            "--size_x", N(box.SizeX), "--size_y", N(box.SizeY), "--size_z", N(box.SizeZ),
            "--exhaustiveness", N(parameters.Exhaustiveness), "--num_modes", N(parameters.NumModes),
            "--energy_range", N(parameters.EnergyRange), "--seed", N(parameters.Seed),
            "--scoring", parameters.Scoring, "--cpu", N(parameters.Cpu), "--verbosity", "1",
        ];
    }
}
