namespace MolDash.GrainInterfaces.Pipelines;

[GenerateSerializer, Alias("MolDash.PipelineVersionStatus")]
public enum PipelineVersionStatus
{
    Draft = 0,
    Published = 1,
    Deprecated = 2,
}
