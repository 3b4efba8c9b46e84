using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Tasks;
using Orleans.Concurrency;

namespace MolDash.GrainInterfaces.Pipelines;

/// <summary>
/// One pipeline of an org and all its versions, keyed by <see cref="PipelineKey"/>. Defining and changing
/// needs Admin or Root; members read what their org may see and run published versions. A public pipeline's
/// published versions are also read and run by members of every other org, in their own org: the job,
/// its files and its cache entry are theirs.
/// </summary>
[Alias("MolDash.IPipelineGrain")]
public interface IPipelineGrain : IGrainWithStringKey
{
    /// <summary>Creates the pipeline with its first version as a draft; a 409 when the name is taken.</summary>
    [Alias("Create")]
    Task<PipelineView> CreateAsync(PipelineDraft settings, string version, PipelineGraph graph);

    [Alias("Get")]
    [OpenToOtherOrgs]
    Task<PipelineView> GetAsync();

    [Alias("UpdateSettings")]
    Task<PipelineView> UpdateSettingsAsync(PipelineDraft settings);

    /// <summary>Read-only, so a job can check the version it runs while the run that made it is still here.</summary>
    [Alias("GetVersion")]
    [ReadOnly]
    [OpenToOtherOrgs]
    Task<PipelineVersionView> GetVersionAsync(string version);

    /// <summary>Replaces a draft's graph; it is saved with its problems listed (publishing needs none).</summary>
    [Alias("UpdateDraft")]
    Task<PipelineVersionView> UpdateDraftAsync(string version, PipelineGraph graph);

    /// <summary>Checks a graph without saving it: every problem at once, each pointing at its node, edge or field.</summary>
    [Alias("Validate")]
    [ReadOnly]
    Task<IReadOnlyList<Errors.FieldError>> ValidateAsync(PipelineGraph graph);

    [Alias("Publish")]
    Task<PipelineVersionView> PublishAsync(string version);

    [Alias("Deprecate")]
    Task<PipelineVersionView> DeprecateAsync(string version, string reason);

    /// <summary>A new draft version copied from any existing one.</summary>
    [Alias("NewVersion")]
    Task<PipelineVersionView> NewVersionAsync(string fromVersion, string version);

    [Alias("Diff")]
    [ReadOnly]
    Task<PipelineDiff> DiffAsync(string fromVersion, string toVersion);

    /// <summary>The form of the version's exposed inputs, generated from the schemas of the fields they fill.</summary>
    [Alias("GetForm")]
    [ReadOnly]
    [OpenToOtherOrgs]
    Task<TaskForm> GetFormAsync(string version);

    /// <summary>Explains the input signature a submission would have, without running anything.</summary>
    [Alias("ExplainSignature")]
    [ReadOnly]
    [OpenToOtherOrgs]
    Task<SignatureExplanation> ExplainSignatureAsync(string version, string inputsJson);

    /// <summary>Runs a published version through the cache: a hit, a run to follow, or a new job.</summary>
    [Alias("Run")]
    [ReadOnly]
    [OpenToOtherOrgs]
    Task<PipelineRunResult> RunAsync(string version, PipelineRunRequest request);

    /// <summary>
    /// Runs a published version over many input sets as one job (see <see cref="PipelineBatchRequest"/>),
    /// through the cache as a whole: the same items in the same order are a hit.
    /// </summary>
    [Alias("RunBatch")]
    [ReadOnly]
    [OpenToOtherOrgs]
    Task<PipelineRunResult> RunBatchAsync(string version, PipelineBatchRequest request);
}
