using System.Globalization;

namespace MolDash.Docking.Tests.Infrastructure;

/// <summary>
/// The shared test data: from the test assembly up to the folder holding MolDash.sln, then
/// ../shared/data (CI clones the repository beside a copy of shared/).
/// </summary>
public static class SharedData
{
    public static string Directory { get; } = Locate();

    public static string Complex(string id, string file) => File.ReadAllText(Path.Combine(Directory, "complexes", id, file));

    public static string ComplexPath(string id, string file) => Path.Combine(Directory, "complexes", id, file);

    /// <summary>Docking box of a complex from manifest.csv.</summary>
    public static (double X, double Y, double Z) Center(string id)
    {
        var row = File.ReadAllLines(Path.Combine(Directory, "complexes", "manifest.csv"))
            .Select(l => l.Split(','))
            .Single(f => f[0] == id);
        double N(int i) => double.Parse(row[i], CultureInfo.InvariantCulture);
        return (N(5), N(6), N(7));
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MolDash.sln")))
            {
                var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                return System.IO.Directory.Exists(data) ? data : throw new DirectoryNotFoundException($"No shared data at {data}.");
            }
        }

        throw new DirectoryNotFoundException("MolDash.sln not found above the test assembly.");
    }
}
