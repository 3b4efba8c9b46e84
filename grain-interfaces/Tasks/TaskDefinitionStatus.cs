namespace MolDash.GrainInterfaces.Tasks;

[GenerateSerializer, Alias("MolDash.TaskDefinitionStatus")]
public enum TaskDefinitionStatus
{
    /// <summary>Editable; not offered for runs yet.</summary>
    Draft = 0,

    /// <summary>Immutable and runnable; a change is a new version.</summary>
    Published = 1,

    /// <summary>Still runnable by pipeline versions that use it, hidden from new use.</summary>
    Deprecated = 2,
}
