namespace MolDash.GrainInterfaces.Organizations;

[GenerateSerializer, Immutable, Alias("MolDash.ProvisioningFailure")]
public sealed record ProvisioningFailure(
    [property: Id(0)] ProvisioningStep Step,
    [property: Id(1)] string Reason,
    [property: Id(2)] DateTimeOffset FailedAt);
