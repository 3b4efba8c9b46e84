namespace MolDash.Grains.Organizations;

public static class OrgResourceNames
{
    public static string ResultsDatabase(Guid orgId) => $"moldash_org_{orgId:N}";

    public static string BlobContainer(Guid orgId) => $"org-{orgId:N}";
}
