using System.Text.RegularExpressions;

namespace MolDash.Deployment.Tests.Dockerfiles;

/// <summary>A Dockerfile's stages, parsed enough to check what matters for a deployable image.</summary>
public sealed partial class Dockerfile
{
    private Dockerfile(string path, IReadOnlyList<IReadOnlyList<DockerInstruction>> stages)
    {
        Path = path;
        Stages = stages;
    }

    public string Path { get; }

    /// <summary>Each stage's instructions, its FROM first.</summary>
    public IReadOnlyList<IReadOnlyList<DockerInstruction>> Stages { get; }

    public IReadOnlyList<DockerInstruction> FinalStage => Stages[^1];

    public IEnumerable<DockerInstruction> Instructions => Stages.SelectMany(stage => stage);

    public static Dockerfile Parse(string path, string text)
    {
        var joined = ContinuationPattern().Replace(text, " ");
        var instructions = joined.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', 2))
            .Select(parts => new DockerInstruction(parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1].Trim() : ""));
        var stages = new List<List<DockerInstruction>>();
        foreach (var instruction in instructions)
        {
            if (instruction.Keyword == "FROM" || stages.Count == 0)
            {
                stages.Add([]);
            }

            stages[^1].Add(instruction);
        }

        return new Dockerfile(path, stages);
    }

    public override string ToString() => Path;

    // A line ending in a backslash continues on the next; comment lines inside a continuation are dropped.
    [GeneratedRegex(@"\\\r?\n(\s*#[^\n]*\n)*")]
    private static partial Regex ContinuationPattern();
}
