using MolDash.GrainInterfaces.Organizations;

namespace MolDash.Grains.Organizations;

[GenerateSerializer, Alias("MolDash.OrganizationState")]
public sealed class OrganizationState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public OrganizationStatus Status { get; set; }
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
    [Id(4)] public Guid CreatedBy { get; set; }
}
