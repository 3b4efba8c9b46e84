namespace MolDash.GrainInterfaces.TaskServices;

/// <summary>What a self-registered service is told: its address as registered, and until when it stays without registering again.</summary>
/// <param name="RenewWithin">When the service should register again at the latest, leaving room for a failed attempt.</param>
[GenerateSerializer, Immutable, Alias("MolDash.InstanceLease")]
public sealed record InstanceLease(
    [property: Id(0)] string Address,
    [property: Id(1)] DateTimeOffset ExpiresAt,
    [property: Id(2)] TimeSpan RenewWithin);
