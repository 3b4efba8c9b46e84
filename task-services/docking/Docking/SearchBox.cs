using MolDash.Docking.Molecules;

namespace MolDash.Docking.Docking;

/// <summary>Vina's search space: an axis-aligned box (Å).</summary>
public sealed record SearchBox(double CenterX, double CenterY, double CenterZ, double SizeX, double SizeY, double SizeZ)
{
    /// <summary>The box around a reference ligand's atoms with <paramref name="padding"/> Å on every side.</summary>
    public static SearchBox Around(IReadOnlyCollection<Atom> atoms, double padding)
    {
        double Min(Func<Atom, double> axis) => atoms.Min(axis);
        double Max(Func<Atom, double> axis) => atoms.Max(axis);
        return new SearchBox(
            Math.Round((Min(a => a.X) + Max(a => a.X)) / 2, 3),
            Math.Round((Min(a => a.Y) + Max(a => a.Y)) / 2, 3),
            Math.Round((Min(a => a.Z) + Max(a => a.Z)) / 2, 3),
            Math.Round(Max(a => a.X) - Min(a => a.X) + (2 * padding), 3),
            Math.Round(Max(a => a.Y) - Min(a => a.Y) + (2 * padding), 3),
            Math.Round(Max(a => a.Z) - Min(a => a.Z) + (2 * padding), 3));
    }

    public int CountInside(IEnumerable<Atom> atoms) => atoms.Count(a =>
        Math.Abs(a.X - CenterX) <= SizeX / 2 && Math.Abs(a.Y - CenterY) <= SizeY / 2 && Math.Abs(a.Z - CenterZ) <= SizeZ / 2);
}
