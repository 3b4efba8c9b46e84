namespace MolDash.GrainInterfaces.Organizations;

/// <summary>An organization's limits; changes take effect at once.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.OrganizationQuotas")]
public sealed record OrganizationQuotas(
    [property: Id(0)] int MaxConcurrentJobs,
    [property: Id(1)] long MaxStorageBytes,
    [property: Id(2)] long MaxUploadBytes,
    [property: Id(3)] int JobRetentionDays)
{
    public static OrganizationQuotas Default { get; } = new(
        MaxConcurrentJobs: 20,
        MaxStorageBytes: 50L * 1024 * 1024 * 1024,
        MaxUploadBytes: 100L * 1024 * 1024,
        JobRetentionDays: 365);
}
