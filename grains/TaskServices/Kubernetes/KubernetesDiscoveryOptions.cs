namespace MolDash.Grains.TaskServices.Kubernetes;

/// <summary>
/// Section "TaskServices:Kubernetes": instances from the ready endpoints of each task's Kubernetes Service.
/// Off by default; see docs/task-service-discovery.md for the labels and the RBAC it needs.
/// </summary>
public sealed class KubernetesDiscoveryOptions
{
    public const string Section = "TaskServices:Kubernetes";

    public bool Enabled { get; set; }

    /// <summary>Where the task services run; empty: the silo pod's own namespace.</summary>
    public string Namespace { get; set; } = "";

    /// <summary>The coordination Lease that makes one silo of the cluster the one that watches.</summary>
    public string LeaseName { get; set; } = "moldash-task-discovery";

    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the known endpoints are pushed again, so a task-service grain activated since then learns them.</summary>
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait after the API server failed or a watch broke before listing again.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
