namespace MolDash.GrainInterfaces.Tasks;

/// <param name="Created">"name@version" of each version the import made.</param>
/// <param name="Skipped">"name@version" of each version that already existed with the same content.</param>
[GenerateSerializer, Immutable, Alias("MolDash.TaskBundleImportResult")]
public sealed record TaskBundleImportResult(
    [property: Id(0)] IReadOnlyList<string> Created,
    [property: Id(1)] IReadOnlyList<string> Skipped);
