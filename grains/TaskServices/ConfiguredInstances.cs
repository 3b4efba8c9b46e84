using MolDash.GrainInterfaces.Tasks;

namespace MolDash.Grains.TaskServices;

/// <summary>
/// TaskServices:Instances read into task-service keys: each entry is "&lt;org id&gt;/&lt;name&gt;/&lt;version&gt;"
/// with a list of base addresses, e.g. <c>TaskServices__Instances__&lt;org&gt;/echo/1.0.0__0=http://10.0.0.7:8080/</c>.
/// </summary>
public static class ConfiguredInstances
{
    /// <summary>The entries keyed as task-service grains are; false with the first entry that is not valid.</summary>
    public static bool TryParse(IReadOnlyDictionary<string, List<string>> entries, out IReadOnlyDictionary<string, IReadOnlyList<Uri>> byTask, out string? problem)
    {
        var parsed = new Dictionary<string, IReadOnlyList<Uri>>(StringComparer.Ordinal);
        byTask = parsed;
        problem = null;
        foreach (var (task, addresses) in entries)
        {
            var parts = task.Split('/');
            if (parts.Length != 3 || !Guid.TryParse(parts[0], out var orgId)
                || !TaskDefinitionKey.IsValidName(parts[1]) || !TaskDefinitionKey.IsValidVersion(parts[2]))
            {
                problem = $"TaskServices:Instances has the entry '{task}'; entries are named <org id>/<task name>/<version>.";
                return false;
            }

            var uris = new List<Uri>();
            foreach (var address in addresses)
            {
                if (!InstanceAddress.TryParse(address, out var uri))
                {
                    problem = $"TaskServices:Instances:{task} lists '{address}', which is not an absolute http or https base address.";
                    return false;
                }

                uris.Add(uri);
            }

            parsed[TaskDefinitionKey.Format(orgId, parts[1], parts[2])] = uris;
        }

        return true;
    }
}
