namespace MolDash.Bench;

public static class RepositoryRoot
{
    /// <summary>The folder holding MolDash.sln, searched upwards from the current directory.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MolDash.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the MolDash checkout.");
    }
}
