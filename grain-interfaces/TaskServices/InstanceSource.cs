namespace MolDash.GrainInterfaces.TaskServices;

/// <summary>How a task service learned of an instance; one address may come from several sources at once.</summary>
[GenerateSerializer, Alias("MolDash.InstanceSource")]
public enum InstanceSource
{
    /// <summary>Registered by an Admin through the API; persisted and audited.</summary>
    Admin = 0,

    /// <summary>Listed in the silo's configuration (TaskServices:Instances); not persisted, not removable through the API.</summary>
    Configuration = 1,

    /// <summary>Registered by the service itself with the version's service key; dropped unless its lease is renewed.</summary>
    ServiceKey = 2,

    /// <summary>A ready endpoint of the task's Kubernetes Service (EndpointSlices); follows the cluster, not removable through the API.</summary>
    Kubernetes = 3,
}
