namespace MolDash.GrainInterfaces.Organizations;

/// <summary>What deleting an organization removes, in this order.</summary>
[GenerateSerializer, Alias("MolDash.DeletionStep")]
public enum DeletionStep
{
    /// <summary>
    /// The org is marked deleting in the catalog and every session of its members in it is revoked; live
    /// access tokens stop working at once, and Root's requests for its data answer 404.
    /// </summary>
    Sessions = 0,

    /// <summary>The org's own results database is dropped.</summary>
    ResultsDatabase = 1,

    /// <summary>The org's blob container, with every file in it, is deleted.</summary>
    BlobContainer = 2,

    /// <summary>The persisted state of the org's grains (tasks, task services, pipelines, jobs, cache entries, schedules).</summary>
    GrainState = 3,

    /// <summary>The org's rows in the metadata catalogs: memberships, tasks, pipelines, and the organization row itself.</summary>
    Catalog = 4,
}
