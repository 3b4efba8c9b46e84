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
    [Id(5)] public OrganizationQuotas Quotas { get; set; } = OrganizationQuotas.Default;
    [Id(6)] public List<ProvisioningStep> CompletedSteps { get; set; } = [];
    [Id(7)] public ProvisioningFailure? Failure { get; set; }
    [Id(8)] public InitialAdminState? InitialAdmin { get; set; }

    /// <summary>The quotas asked for at creation, applied by the quotas step (null: the defaults).</summary>
    [Id(9)] public OrganizationQuotas? RequestedQuotas { get; set; }
    [Id(10)] public DeletionState? Deletion { get; set; }
}
