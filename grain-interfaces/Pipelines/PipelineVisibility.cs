namespace MolDash.GrainInterfaces.Pipelines;

[GenerateSerializer, Alias("MolDash.PipelineVisibility")]
public enum PipelineVisibility
{
    /// <summary>Only those of the org who edit or publish pipelines (work in progress).</summary>
    Private = 0,
    /// <summary>Every member of the org.</summary>
    Org = 1,
    /// <summary>Listed in every org's catalog; it still runs in its own org, with its own tasks.</summary>
    Public = 2,
}
