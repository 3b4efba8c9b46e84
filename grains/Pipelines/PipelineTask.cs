using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Registry;

namespace MolDash.Grains.Pipelines;

/// <summary>
/// What pipeline checks know of one task version a node pins. Callers pass them keyed by
/// <see cref="KeyOf"/>; a missing key means the version is not in the registry.
/// </summary>
public sealed record PipelineTask(string Name, string Version, TaskDefinitionStatus Status, TaskContract Contract, string DefinitionHash, string Category)
{
    public string Key => KeyOf(Name, Version);

    public static string KeyOf(string name, string version) => $"{name}@{version}";
}
