namespace MolDash.TaskServices.Registration;

/// <summary>
/// Configuration section "PlatformRegistration" (environment: PlatformRegistration__Url=…). Off unless
/// <see cref="Url"/> is set; then the task coordinates and the service key are required.
/// </summary>
public sealed class PlatformRegistrationOptions
{
    public const string Section = "PlatformRegistration";

    /// <summary>The MolDash API's base address, e.g. http://moldash-api:8080/.</summary>
    public Uri? Url { get; set; }

    public Guid? OrgId { get; set; }

    /// <summary>The task's name in the registry, e.g. "dock".</summary>
    public string? Task { get; set; }

    public string? Version { get; set; }

    /// <summary>The version's service key (POST …/service/credentials); keep it in a secret, not in a file.</summary>
    public string? ServiceKey { get; set; }

    /// <summary>
    /// The base address the platform should call, e.g. http://10.0.0.7:8080/ (in Kubernetes, the pod IP from
    /// the downward API). Empty: the address the server listens on, if it names a host (not 0.0.0.0 or +).
    /// </summary>
    public Uri? Address { get; set; }

    /// <summary>How long to wait before trying again after a registration failed.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public bool Enabled => Url is not null;

    /// <summary>What is missing for registration to work, or null when it can start.</summary>
    public string? Problem() => !Enabled ? null
        : OrgId is null ? "PlatformRegistration:OrgId is required"
        : string.IsNullOrWhiteSpace(Task) ? "PlatformRegistration:Task is required"
        : string.IsNullOrWhiteSpace(Version) ? "PlatformRegistration:Version is required"
        : string.IsNullOrWhiteSpace(ServiceKey) ? "PlatformRegistration:ServiceKey is required"
        : null;
}
