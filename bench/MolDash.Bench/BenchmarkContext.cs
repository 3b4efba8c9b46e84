namespace MolDash.Bench;

/// <summary>What every suite gets: where the repository is, and the command that reproduces the run.</summary>
public sealed record BenchmarkContext(string RepositoryRoot, string Command)
{
    public string SharedDataDirectory => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));
}
