using MolDash.GrainInterfaces.Organizations;

namespace MolDash.Grains.Organizations;

[GenerateSerializer, Alias("MolDash.DeletionState")]
public sealed class DeletionState
{
    [Id(0)] public DateTimeOffset RequestedAt { get; set; }
    [Id(1)] public Guid RequestedBy { get; set; }
    [Id(2)] public List<DeletionStep> CompletedSteps { get; set; } = [];
    [Id(3)] public DeletionStep? FailedStep { get; set; }
    [Id(4)] public string? FailureReason { get; set; }
}
