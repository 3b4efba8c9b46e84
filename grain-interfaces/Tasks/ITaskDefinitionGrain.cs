namespace MolDash.GrainInterfaces.Tasks;

/// <summary>
/// One version of an org's task, keyed by <see cref="TaskDefinitionKey"/>. Defining needs task.define
/// (Admins hold it); any member of the org reads. Another org's caller is told it does not exist.
/// </summary>
[Alias("MolDash.ITaskDefinitionGrain")]
public interface ITaskDefinitionGrain : IGrainWithStringKey
{
    /// <summary>Validates the document and stores the version as a draft; a 409 when it exists.</summary>
    [Alias("Create")]
    Task<TaskDefinitionView> CreateAsync(TaskDefinitionDraft draft);

    /// <summary>
    /// Creates the draft from the OpenAPI document the silo fetches from <paramref name="url"/> (a running
    /// service's /openapi.json); the draft's own document is ignored. The fetch refuses addresses the
    /// import policy does not allow, redirects, large documents and slow answers, each a 422 at "/url".
    /// </summary>
    [Alias("Import")]
    Task<TaskDefinitionView> ImportAsync(string url, TaskDefinitionDraft draft);

    /// <summary>
    /// Creates this version from a bundle entry with the entry's status (a published version stays
    /// published), marked with the import's id so <see cref="DiscardImportAsync"/> can take it back.
    /// </summary>
    [Alias("CreateImported")]
    Task<TaskDefinitionView> CreateImportedAsync(TaskDefinitionDraft draft, TaskDefinitionStatus status, string? deprecationReason, Guid importId);

    /// <summary>Removes this version if (and only if) the import <paramref name="importId"/> created it: the rollback of a failed bundle import.</summary>
    [Alias("DiscardImport")]
    Task DiscardImportAsync(Guid importId);

    [Alias("Get")]
    Task<TaskDefinitionView> GetAsync();

    /// <summary>Replaces a draft's metadata, document and deployment; published versions are immutable.</summary>
    [Alias("UpdateDraft")]
    Task<TaskDefinitionView> UpdateDraftAsync(TaskDefinitionDraft draft);

    [Alias("Publish")]
    Task<TaskDefinitionView> PublishAsync();

    [Alias("Deprecate")]
    Task<TaskDefinitionView> DeprecateAsync(string reason);

    /// <summary>Copies this version into a new draft (another name, another version, or both) in the same org.</summary>
    [Alias("Clone")]
    Task<TaskDefinitionView> CloneAsync(string name, string version);

    [Alias("GetForm")]
    Task<TaskForm> GetFormAsync();

    /// <param name="parametersJson">The parameter set as JSON text.</param>
    [Alias("ValidateParameters")]
    Task<TaskParameterCheck> ValidateParametersAsync(string parametersJson);

    /// <summary>Checks many parameter sets at once (null entries are not checked: their inputs come from other nodes).</summary>
    [Alias("PlanRun")]
    Task<TaskRunPlan> PlanRunAsync(IReadOnlyList<string?> parameterSets);
}
