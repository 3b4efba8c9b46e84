namespace MolDash.GrainInterfaces.Tasks;

/// <summary>An org's task versions as one portable JSON document, each with its OpenAPI document embedded.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.TaskBundle")]
public sealed record TaskBundle
{
    public const string CurrentFormat = "moldash-tasks/1";

    [Id(0)] public string Format { get; init; } = CurrentFormat;
    [Id(1)] public DateTimeOffset ExportedAt { get; init; }
    [Id(2)] public IReadOnlyList<TaskBundleEntry> Tasks { get; init; } = [];
}
