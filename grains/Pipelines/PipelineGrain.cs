using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Artifacts;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Cache;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Jobs;
using MolDash.GrainInterfaces.Pipelines;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Access;
using MolDash.Grains.Audit;
using MolDash.Grains.Persistence;
using MolDash.Grains.TaskServices;

namespace MolDash.Grains.Pipelines;

/// <summary>
/// One pipeline and its versions. A draft may be saved with problems (a builder saves as it goes); only
/// a graph with none is published, and a published graph never changes. Runs go through the cache entry
/// of their input signature, which decides between a hit, following a running job, and a new one. A public
/// pipeline lends its published versions (and their task versions) to members of other orgs: their runs,
/// jobs and cache entries are their own org's.
/// </summary>
[GrainType("moldash-pipeline")]
public sealed class PipelineGrain(
    [PersistentState("pipeline", GrainStorageNames.Default)] IPersistentState<PipelineState> state,
    IPipelineCatalog catalog,
    Auditor auditor,
    TimeProvider time,
    ILogger<PipelineGrain> logger) : Grain, IPipelineGrain, ISharedAcrossOrgs
{
    /// <summary>The most items one batch may have (each is a sub-graph of the job).</summary>
    public const int MaxBatchItems = 1000;

    // Enough for the inputs a pipeline is run with again and again (scheduled runs, a team's shared examples).
    private const int PlannedRunsKept = 256;

    private static readonly TimeSpan RunStatisticsWriteDelay = TimeSpan.FromSeconds(1);

    private PipelineTasks tasks = null!;
    private PipelineRunStatistics unwrittenRuns = new();

    // By published graph (the instance in this activation's state): what each run's signature needs of it.
    private readonly Dictionary<PipelineGraph, GraphHash> graphHashes = new(ReferenceEqualityComparer.Instance);
    private readonly PlannedRuns plannedRuns = new(PlannedRunsKept);
    private DelayedWrite? runStatisticsWrite;

    private PipelineState Pipeline => state.State;

    private string Name => PipelineKey.Parse(this.GetPrimaryKeyString()).Name;

    public Guid OwnerOrgId => PipelineKey.Parse(this.GetPrimaryKeyString()).OrgId;

    public bool IsSharedAcrossOrgs => Pipeline.Exists && Pipeline.Settings.Visibility == PipelineVisibility.Public;

    /// <summary>A member of another org, here because the pipeline is public: drafts do not exist for them.</summary>
    private bool CallerIsGuest => !CallerContext.Current!.CanAccessOrg(OwnerOrgId);

    /// <summary>The org a run belongs to: the caller's own (Root, who has none, runs in the pipeline's org).</summary>
    private Guid RunningOrgId => CallerContext.Current!.OrgId ?? OwnerOrgId;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        tasks = new PipelineTasks(GrainFactory, OwnerOrgId);
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<PipelineView> CreateAsync(PipelineDraft settings, string version, PipelineGraph graph)
    {
        var caller = PermissionGuard.Require(MolDashPermissions.PipelineEdit, "define pipelines");
        if (Pipeline.Exists)
        {
            throw new MolDashException(ErrorKind.Conflict, $"A pipeline named {Name} already exists; add a version to it instead.");
        }

        CheckSettings(settings);
        RequireVersionName(version);
        var now = time.GetUtcNow();
        Pipeline.Settings = settings;
        Pipeline.CreatedAt = now;
        Pipeline.CreatedBy = caller.UserId;
        Pipeline.Versions = [new PipelineVersionState { Version = version, Graph = graph, CreatedAt = now, CreatedBy = caller.UserId }];
        await SaveAsync(AuditActions.PipelineCreated, version);
        return View();
    }

    public Task<PipelineView> GetAsync()
    {
        var view = RequireVisible().View();
        return Task.FromResult(CallerIsGuest ? view with { Versions = [.. view.Versions.Where(v => v.Status != PipelineVersionStatus.Draft)] } : view);
    }

    public async Task<PipelineView> UpdateSettingsAsync(PipelineDraft settings)
    {
        PermissionGuard.Require(MolDashPermissions.PipelineEdit, "change pipelines");
        RequireExisting();
        CheckSettings(settings);
        Pipeline.Settings = settings;
        await SaveAsync(AuditActions.PipelineSettingsChanged, null);
        return View();
    }

    public async Task<PipelineVersionView> GetVersionAsync(string version)
    {
        var found = RequireVisible().ReadableVersion(version);
        return await VersionViewAsync(found);
    }

    public async Task<PipelineVersionView> UpdateDraftAsync(string version, PipelineGraph graph)
    {
        PermissionGuard.Require(MolDashPermissions.PipelineEdit, "change pipelines");
        var draft = RequireExisting().Version(version);
        if (draft.Status != PipelineVersionStatus.Draft)
        {
            throw new MolDashException(ErrorKind.Conflict, $"Version {version} of {Name} is {draft.Status.ToString().ToLowerInvariant()} and cannot change; make a new version from it.");
        }

        draft.Graph = graph;
        await SaveAsync(AuditActions.PipelineDraftChanged, version);
        return await VersionViewAsync(draft);
    }

    public async Task<IReadOnlyList<FieldError>> ValidateAsync(PipelineGraph graph)
    {
        RequireVisible();
        return PipelineValidator.Validate(graph, await tasks.ResolveAsync(graph));
    }

    public async Task<PipelineVersionView> PublishAsync(string version)
    {
        PermissionGuard.Require(MolDashPermissions.PipelinePublish, "publish pipelines");
        var draft = RequireExisting().Version(version);
        if (draft.Status != PipelineVersionStatus.Draft)
        {
            throw new MolDashException(ErrorKind.Conflict, $"Version {version} of {Name} is already {draft.Status.ToString().ToLowerInvariant()}.");
        }

        var problems = PipelineValidator.Validate(draft.Graph, await tasks.ResolveAsync(draft.Graph));
        if (problems.Count > 0)
        {
            throw MolDashException.Invalid($"Version {version} of {Name} has problems; fix them before publishing.", problems);
        }

        draft.Status = PipelineVersionStatus.Published;
        draft.PublishedAt = time.GetUtcNow();
        await SaveAsync(AuditActions.PipelinePublished, version);
        return await VersionViewAsync(draft);
    }

    public async Task<PipelineVersionView> DeprecateAsync(string version, string reason)
    {
        PermissionGuard.Require(MolDashPermissions.PipelinePublish, "deprecate pipelines");
        var published = RequireExisting().Version(version);
        if (published.Status != PipelineVersionStatus.Published)
        {
            throw new MolDashException(ErrorKind.Conflict, $"Only a published version can be deprecated; {version} is {published.Status.ToString().ToLowerInvariant()}.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw MolDashException.Invalid("Say why the version is deprecated.", [new FieldError("/reason", "A reason people will read when they find the version deprecated.")]);
        }

        published.Status = PipelineVersionStatus.Deprecated;
        published.DeprecationReason = reason.Trim();
        await SaveAsync(AuditActions.PipelineDeprecated, version);
        return await VersionViewAsync(published);
    }

    public async Task<PipelineVersionView> NewVersionAsync(string fromVersion, string version)
    {
        var caller = PermissionGuard.Require(MolDashPermissions.PipelineEdit, "change pipelines");
        var source = RequireExisting().Version(fromVersion);
        RequireVersionName(version);
        if (Pipeline.Versions.Exists(existing => existing.Version == version))
        {
            throw new MolDashException(ErrorKind.Conflict, $"Version {version} of {Name} already exists.");
        }

        var created = new PipelineVersionState { Version = version, Graph = source.Graph, CreatedAt = time.GetUtcNow(), CreatedBy = caller.UserId };
        Pipeline.Versions.Add(created);
        await SaveAsync(AuditActions.PipelineVersionCreated, version);
        return await VersionViewAsync(created);
    }

    public Task<PipelineDiff> DiffAsync(string fromVersion, string toVersion)
    {
        RequireVisible();
        return Task.FromResult(PipelineDiffer.Diff(Version(fromVersion).Graph, Version(toVersion).Graph));
    }

    public async Task<TaskForm> GetFormAsync(string version)
    {
        var graph = RequireVisible().ReadableVersion(version).Graph;
        return PipelineFormGenerator.Generate(graph, await tasks.ResolveAsync(graph));
    }

    public async Task<SignatureExplanation> ExplainSignatureAsync(string version, string inputsJson)
    {
        var graph = RequireVisible().ReadableVersion(version).Graph;
        var resolved = await tasks.ResolveAsync(graph);
        var plan = Plan(graph, inputsJson, resolved);
        return InputSignature.Compute(graph, resolved, plan.Inputs, await ChecksumsAsync(plan.Artifacts));
    }

    public async Task<PipelineRunResult> RunAsync(string version, PipelineRunRequest request)
    {
        var run = RunnableVersion(version);
        // The caller's permissions are checked on every run, here as well as by the job: a cache hit answers without a new job.
        if (plannedRuns.TryGet(run.Graph, RunningOrgId, request.InputsJson, out var planned))
        {
            PermissionGuard.RequireRun(planned.Tasks);
        }
        else
        {
            var resolved = await tasks.ResolvePinnedAsync(run.Graph);
            IReadOnlyList<(string Name, string Category)> runs = [.. resolved.Values.Select(task => (task.Name, task.Category))];
            PermissionGuard.RequireRun(runs);
            var plan = Plan(run.Graph, request.InputsJson, resolved);
            var checksums = await ChecksumsAsync(plan.Artifacts);
            var signature = InputSignature.Compute(run.Graph, resolved, plan.Inputs, checksums, HashOf(run.Graph, checksums));
            planned = new PlannedRun(runs, plan.Nodes, plan.Artifacts, signature.Signature);
            plannedRuns.Add(run.Graph, RunningOrgId, request.InputsJson, planned);
        }

        var job = new JobSubmission { Kind = JobKind.Pipeline, Target = $"{Name}@{version}", Nodes = planned.Nodes, Priority = request.Priority, TaskOrgId = OwnerOrgId };
        return await SubmitAsync(version, planned.Signature, job, request.JobId, planned.Artifacts, request.Refresh);
    }

    public async Task<PipelineRunResult> RunBatchAsync(string version, PipelineBatchRequest request)
    {
        var run = RunnableVersion(version);
        if (request.ItemsJson.Count is 0 or > MaxBatchItems)
        {
            throw MolDashException.Invalid("A batch needs items.", [new FieldError("/items", $"1 to {MaxBatchItems} items, each the inputs of one run.")]);
        }

        var resolved = await tasks.ResolvePinnedAsync(run.Graph);
        PermissionGuard.RequireRun(resolved.Values.Select(task => (task.Name, task.Category)));
        var plans = new List<(IReadOnlyList<JobNode> Nodes, string Inputs, IReadOnlyList<Guid> Artifacts)>(request.ItemsJson.Count);
        var errors = new List<FieldError>();
        for (var i = 0; i < request.ItemsJson.Count; i++)
        {
            try
            {
                plans.Add(Plan(run.Graph, request.ItemsJson[i], resolved));
            }
            catch (MolDashException e) when (e.Kind == ErrorKind.Validation)
            {
                // Each item's errors point into the item: "/items/3/ligand" for its input "ligand".
                var item = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/items/{i}");
                errors.AddRange(e.Errors.Select(error => error with { Pointer = item + (error.Pointer.StartsWith("/inputs", StringComparison.Ordinal) ? error.Pointer["/inputs".Length..] : error.Pointer) }));
            }
        }

        if (errors.Count > 0)
        {
            throw MolDashException.Invalid("Some items do not fit the pipeline's inputs; each error names the item and the input.", errors);
        }

        var artifacts = plans.SelectMany(plan => plan.Artifacts).Distinct().ToList();
        var checksums = await ChecksumsAsync(artifacts);
        var signature = InputSignature.ComputeBatch(run.Graph, resolved, [.. plans.Select(plan => plan.Inputs)], checksums, HashOf(run.Graph, checksums));
        var job = new JobSubmission
        {
            Kind = JobKind.Pipeline,
            Target = $"{Name}@{version}",
            Nodes = PipelineBatchPlanner.Plan([.. plans.Select(plan => plan.Nodes)]),
            Priority = request.Priority,
            TaskOrgId = OwnerOrgId,
        };
        return await SubmitAsync(version, signature.Signature, job, request.JobId, artifacts, request.Refresh);
    }

    /// <summary>Offers the run to the cache entry of its signature in the running org, which answers with a hit, a running job, or a new one.</summary>
    private async Task<PipelineRunResult> SubmitAsync(string version, string signature, JobSubmission job, Guid jobId, IReadOnlyList<Guid> artifacts, bool refresh)
    {
        var submission = new CacheSubmission
        {
            PipelineName = Name,
            PipelineVersion = version,
            JobId = jobId,
            Job = job,
            ConfidenceThreshold = Pipeline.Settings.CacheConfidenceThreshold,
            DefaultTtl = Pipeline.Settings.CacheTtl,
            InputArtifacts = artifacts,
            Refresh = refresh,
        };
        var result = await GrainFactory.GetGrain<ICacheEntryGrain>(CacheKey.Format(RunningOrgId, signature)).SubmitAsync(submission);

        // Catalog statistics are not what the caller waits for (a cache hit is answered in a few milliseconds),
        // and a busy pipeline would otherwise write its catalog row for every run: they are counted here and
        // written a moment later, once for all the runs in between (and when the activation ends).
        unwrittenRuns.Add(result.Cache == CacheOutcome.Hit, time.GetUtcNow());
        (runStatisticsWrite ??= new DelayedWrite(this, WriteRunStatisticsAsync, RunStatisticsWriteDelay)).Schedule();
        return result;
    }

    /// <param name="published">The graph of a published version, which never changes.</param>
    private GraphHash HashOf(PipelineGraph published, IReadOnlyDictionary<Guid, string> checksums)
    {
        if (!graphHashes.TryGetValue(published, out var hash))
        {
            graphHashes[published] = hash = InputSignature.HashGraph(published, checksums);
        }

        return hash;
    }

    private PipelineVersionState RunnableVersion(string version)
    {
        var run = RequireVisible().ReadableVersion(version);
        return run.Status == PipelineVersionStatus.Published ? run : throw new MolDashException(ErrorKind.Conflict, run.Status == PipelineVersionStatus.Draft
            ? $"Version {version} of {Name} is a draft; publish it before running it."
            : $"Version {version} of {Name} is deprecated ({run.DeprecationReason}); run a newer version.");
    }

    /// <summary>The job nodes for a run and the artifacts its inputs name, or a 422 listing every input problem.</summary>
    private static (IReadOnlyList<JobNode> Nodes, string Inputs, IReadOnlyList<Guid> Artifacts) Plan(
        PipelineGraph graph, string inputsJson, IReadOnlyDictionary<string, PipelineTask> resolved)
    {
        var planned = PipelineRunPlanner.Plan(graph, resolved, inputsJson);
        if (planned.Inputs is not { } inputs)
        {
            throw MolDashException.Invalid("The inputs do not fit the pipeline; each error names the input.", planned.Errors);
        }

        // The nodes' parameters hold the inputs and the fixed parameters: every artifact the run will read.
        var artifacts = planned.Nodes.SelectMany(node => ArtifactReferences.Find(JsonNode.Parse(node.ParametersJson)))
            .Select(reference => reference.ArtifactId).Distinct().ToList();
        return (planned.Nodes, inputs.ToJsonString(), artifacts);
    }

    /// <summary>The content checksum that stands for each artifact in the signature; an unknown artifact (of the running org) is a 422.</summary>
    private async Task<IReadOnlyDictionary<Guid, string>> ChecksumsAsync(IReadOnlyList<Guid> artifactIds)
    {
        var artifacts = GrainFactory.GetGrain<IArtifactsGrain>(RunningOrgId);
        var checksums = new Dictionary<Guid, string>();
        var missing = new List<FieldError>();
        foreach (var id in artifactIds)
        {
            try
            {
                checksums[id] = (await artifacts.GetAsync(id)).Sha256;
            }
            catch (MolDashException e) when (e.Kind == ErrorKind.NotFound)
            {
                missing.Add(new FieldError("/inputs", $"The artifact {id} does not exist in this organization."));
            }
        }

        return missing.Count > 0 ? throw MolDashException.Invalid("An input names an artifact that does not exist.", missing) : checksums;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (runStatisticsWrite is not null)
        {
            await runStatisticsWrite.FlushAsync();
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private async Task WriteRunStatisticsAsync()
    {
        var runs = unwrittenRuns;
        unwrittenRuns = new PipelineRunStatistics();
        try
        {
            await catalog.RecordRunsAsync(OwnerOrgId, Name, runs, CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            // Kept for the next run's write: the catalog's counts lag, they are not lost while this activation lives.
            unwrittenRuns.Add(runs);
            logger.LogWarning(e, "Pipeline {Name}: its run statistics could not be updated", Name);
        }
    }

    private async Task<PipelineVersionView> VersionViewAsync(PipelineVersionState version) => new()
    {
        Name = Name,
        Version = version.Version,
        Status = version.Status,
        Graph = version.Graph,
        Problems = version.Status == PipelineVersionStatus.Draft
            ? PipelineValidator.Validate(version.Graph, await tasks.ResolveAsync(version.Graph))
            : [],
        DeprecationReason = version.DeprecationReason,
        CreatedAt = version.CreatedAt,
        CreatedBy = version.CreatedBy,
        PublishedAt = version.PublishedAt,
    };

    /// <summary>The grain state is the truth; the catalog row follows it and every change is audited.</summary>
    private async Task SaveAsync(string action, string? version)
    {
        Pipeline.UpdatedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        var latest = Pipeline.Versions[^1];
        await catalog.UpsertAsync(new PipelineSummary
        {
            OrgId = OwnerOrgId,
            Name = Name,
            Description = Pipeline.Settings.Description,
            Category = Pipeline.Settings.Category,
            Tags = Pipeline.Settings.Tags,
            Visibility = Pipeline.Settings.Visibility,
            PublishedVersions = [.. Pipeline.Versions.Where(v => v.Status == PipelineVersionStatus.Published).Select(v => v.Version)],
            LatestVersion = latest.Version,
            Inputs = [.. latest.Graph.Inputs.Select(input => input.Name)],
            Tasks = [.. latest.Graph.Nodes.Select(node => PipelineTask.KeyOf(node.TaskName, node.TaskVersion)).Distinct()],
            UpdatedAt = Pipeline.UpdatedAt,
        }, CancellationToken.None);
        await auditor.RecordAsync(action, version is null ? Name : $"{Name}@{version}", AuditOutcome.Succeeded, OwnerOrgId);
    }

    private static void CheckSettings(PipelineDraft settings)
    {
        var errors = new List<FieldError>();
        if (settings.CacheConfidenceThreshold is < 0 or > 1 || double.IsNaN(settings.CacheConfidenceThreshold))
        {
            errors.Add(new FieldError("/cacheConfidenceThreshold", "A confidence between 0 and 1."));
        }

        if (settings.CacheTtl is { } ttl && ttl <= TimeSpan.Zero)
        {
            errors.Add(new FieldError("/cacheTtl", "A positive duration, or none to keep results until invalidated."));
        }

        if (settings.Tags.Count > 20 || settings.Tags.Any(tag => string.IsNullOrWhiteSpace(tag) || tag.Length > 40))
        {
            errors.Add(new FieldError("/tags", "At most 20 tags of 1 to 40 characters."));
        }

        if (errors.Count > 0)
        {
            throw MolDashException.Invalid("The pipeline's settings are not valid.", errors);
        }
    }

    private static void RequireVersionName(string version)
    {
        if (!TaskDefinitionKey.IsValidVersion(version))
        {
            throw MolDashException.Invalid("The version is not valid.", [new FieldError("/version", "A semantic version such as 1.0.0.")]);
        }
    }

    private PipelineGrain RequireExisting() => Pipeline.Exists ? this : throw MolDashException.NotFound("The pipeline");

    /// <summary>A private pipeline exists only for those who edit or publish pipelines (and Root): to others it is not found.</summary>
    private PipelineGrain RequireVisible()
    {
        RequireExisting();
        return Pipeline.Settings.Visibility != PipelineVisibility.Private || PipelineEditors.Include(CallerContext.Current!)
            ? this
            : throw MolDashException.NotFound("The pipeline");
    }

    /// <summary>A version the caller may read: a guest from another org sees no drafts.</summary>
    private PipelineVersionState ReadableVersion(string version) =>
        Version(version) is { } found && (found.Status != PipelineVersionStatus.Draft || !CallerIsGuest)
            ? found
            : throw MolDashException.NotFound($"Version {version} of pipeline {Name}");

    private PipelineVersionState Version(string version) =>
        Pipeline.Versions.Find(existing => existing.Version == version) ?? throw MolDashException.NotFound($"Version {version} of pipeline {Name}");

    private PipelineView View() => new()
    {
        OrgId = OwnerOrgId,
        Name = Name,
        Settings = Pipeline.Settings,
        Versions = [.. Pipeline.Versions.Select(v => new PipelineVersionSummary(v.Version, v.Status, v.Graph.Nodes.Count, v.CreatedAt, v.PublishedAt))],
        CreatedAt = Pipeline.CreatedAt,
        UpdatedAt = Pipeline.UpdatedAt,
    };
}
