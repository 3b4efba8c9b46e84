namespace MolDash.GrainInterfaces.Pipelines;

/// <summary>The key of a pipeline grain, "{org id}/{name}"; names follow the task name rule.</summary>
public static class PipelineKey
{
    public static string Format(Guid orgId, string name) => $"{orgId:N}/{name}";

    public static (Guid OrgId, string Name) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (Guid.ParseExact(key[..slash], "N"), key[(slash + 1)..]);
    }
}
