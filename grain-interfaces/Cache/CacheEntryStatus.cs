namespace MolDash.GrainInterfaces.Cache;

[GenerateSerializer, Alias("MolDash.CacheEntryStatus")]
public enum CacheEntryStatus
{
    /// <summary>Its canonical job is running: identical submissions attach to it.</summary>
    Running = 0,
    /// <summary>Its canonical job succeeded: identical submissions get it back while it stays valid.</summary>
    Completed = 1,
    /// <summary>Its canonical job failed or was cancelled: the next identical submission runs again.</summary>
    Failed = 2,
    /// <summary>An Admin invalidated it: the next identical submission runs again.</summary>
    Invalidated = 3,
}
