namespace MolDash.Api.Live;

public static class HubPaths
{
    public const string Jobs = "/hubs/jobs";
}
