namespace MolDash.Testing;

/// <summary>Where the built silo, API and echo service are, for the configuration the tests themselves were built with.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

    public static string SiloAssembly => Built("silo", "MolDash.Silo.dll");

    public static string ApiAssembly => Built("client-api", "MolDash.Api.dll");

    public static string EchoServiceAssembly => Built(Path.Combine("task-services", "echo"), "MolDash.EchoService.dll");

    public static string DockingServiceAssembly => Built(Path.Combine("task-services", "docking"), "MolDash.Docking.dll");

    /// <summary>The shared test data (molecules, receptors) beside the repository: ../shared/data.</summary>
    public static string SharedData => Path.Combine(Root, "..", "shared", "data");

    private static string Built(string project, string assembly)
    {
        var path = Path.Combine(Root, project, "bin", Configuration, "net10.0", assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{assembly} is not built; build MolDash.sln first.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MolDash.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MolDash.sln not found above " + AppContext.BaseDirectory);
    }
}
