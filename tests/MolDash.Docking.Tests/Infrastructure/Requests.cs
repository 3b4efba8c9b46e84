namespace MolDash.Docking.Tests.Infrastructure;

/// <summary>Request bodies the tests share.</summary>
public static class Requests
{
    public const string Nicotine = "CN1CCC[C@H]1c1cccnc1";

    public static object Box((double X, double Y, double Z) center, double edge = 20) =>
        new { center = new { x = center.X, y = center.Y, z = center.Z }, size = new { x = edge, y = edge, z = edge } };

    /// <summary>Nicotine from SMILES into 1UW6 (its own receptor), as small and fast as docking gets here.</summary>
    public static Dictionary<string, object?> NicotineDock(string receptorPdbqt, int exhaustiveness = 1, int seed = 42)
    {
        var (x, y, z) = SharedData.Center("1UW6_NCT");
        return new Dictionary<string, object?>
        {
            ["receptor"] = receptorPdbqt,
            ["ligand"] = Nicotine,
            ["center"] = new { x, y, z },
            ["size"] = new { x = 20, y = 20, z = 20 },
            ["exhaustiveness"] = exhaustiveness,
            ["seed"] = seed,
        };
    }
}
