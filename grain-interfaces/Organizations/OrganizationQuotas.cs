namespace MolDash.GrainInterfaces.Organizations;

/// <summary>
/// An organization's limits; changes take effect at once. The task limits bound each task version's
/// deployment (per replica, and its replica count); they default when a request leaves them out, and
/// quotas stored before they existed read them as 0, which <see cref="Effective"/> turns into the defaults.
/// </summary>
[GenerateSerializer, Immutable, Alias("MolDash.OrganizationQuotas")]
public sealed record OrganizationQuotas(
    [property: Id(0)] int MaxConcurrentJobs,
    [property: Id(1)] long MaxStorageBytes,
    [property: Id(2)] long MaxUploadBytes,
    [property: Id(3)] int JobRetentionDays,
    [property: Id(4)] double MaxTaskCpu = OrganizationQuotas.DefaultMaxTaskCpu,
    [property: Id(5)] int MaxTaskMemoryMb = OrganizationQuotas.DefaultMaxTaskMemoryMb,
    // GPUs are expensive: Root grants them explicitly.
    [property: Id(6)] int MaxTaskGpu = 0,
    [property: Id(7)] int MaxTaskReplicas = OrganizationQuotas.DefaultMaxTaskReplicas)
{
    public const double DefaultMaxTaskCpu = 8;
    public const int DefaultMaxTaskMemoryMb = 32_768;
    public const int DefaultMaxTaskReplicas = 10;

    public static OrganizationQuotas Default { get; } = new(
        MaxConcurrentJobs: 20,
        MaxStorageBytes: 50L * 1024 * 1024 * 1024,
        MaxUploadBytes: 100L * 1024 * 1024,
        JobRetentionDays: 365);

    /// <summary>These quotas with task limits that were never set (0) replaced by the defaults.</summary>
    public OrganizationQuotas Effective() => this with
    {
        MaxTaskCpu = MaxTaskCpu > 0 ? MaxTaskCpu : DefaultMaxTaskCpu,
        MaxTaskMemoryMb = MaxTaskMemoryMb > 0 ? MaxTaskMemoryMb : DefaultMaxTaskMemoryMb,
        MaxTaskReplicas = MaxTaskReplicas > 0 ? MaxTaskReplicas : DefaultMaxTaskReplicas,
    };
}
