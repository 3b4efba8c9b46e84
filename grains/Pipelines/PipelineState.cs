using MolDash.GrainInterfaces.Pipelines;

namespace MolDash.Grains.Pipelines;

[GenerateSerializer]
public sealed class PipelineState
{
    [Id(0)] public PipelineDraft Settings { get; set; } = new();
    [Id(1)] public List<PipelineVersionState> Versions { get; set; } = [];
    [Id(2)] public DateTimeOffset CreatedAt { get; set; }
    [Id(3)] public Guid CreatedBy { get; set; }
    [Id(4)] public DateTimeOffset UpdatedAt { get; set; }

    public bool Exists => CreatedAt != default;
}
