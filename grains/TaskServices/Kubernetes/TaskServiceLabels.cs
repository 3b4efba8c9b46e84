using MolDash.GrainInterfaces.Tasks;

namespace MolDash.Grains.TaskServices.Kubernetes;

/// <summary>
/// The labels that tie a Kubernetes Service (and the EndpointSlices Kubernetes copies them to) to a task
/// version. Three labels, because a label value holds no '/' and at most 63 characters.
/// </summary>
public static class TaskServiceLabels
{
    public const string Org = "moldash.io/org";
    public const string Task = "moldash.io/task";
    public const string Version = "moldash.io/version";

    /// <summary>The watch's label selector: every slice that names a task.</summary>
    public const string Selector = Task;

    /// <summary>The task-service grain key the labels name, or null when one is missing or not valid.</summary>
    public static string? TaskKeyOf(IDictionary<string, string>? labels)
    {
        if (labels is null
            || !labels.TryGetValue(Org, out var org) || !Guid.TryParse(org, out var orgId)
            || !labels.TryGetValue(Task, out var name) || !TaskDefinitionKey.IsValidName(name)
            || !labels.TryGetValue(Version, out var version) || !TaskDefinitionKey.IsValidVersion(version))
        {
            return null;
        }

        return TaskDefinitionKey.Format(orgId, name, version);
    }
}
