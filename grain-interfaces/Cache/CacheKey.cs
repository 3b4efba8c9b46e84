namespace MolDash.GrainInterfaces.Cache;

/// <summary>The key of a cache entry grain, "{org id}/{signature}".</summary>
public static class CacheKey
{
    public static string Format(Guid orgId, string signature) => $"{orgId:N}/{signature}";

    public static (Guid OrgId, string Signature) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (Guid.ParseExact(key[..slash], "N"), key[(slash + 1)..]);
    }
}
