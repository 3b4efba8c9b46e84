using System.Text.Json;
using System.Text.Json.Nodes;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Access;
using MolDash.Grains.Audit;
using MolDash.Grains.Registry;

namespace MolDash.Grains.Tasks;

[GrainType("moldash-task-definition")]
public sealed class TaskDefinitionGrain(
    [PersistentState("task-definition", GrainStorageNames.Default)] IPersistentState<TaskDefinitionState> state,
    ITaskCatalog catalog,
    Auditor auditor,
    TaskDocumentFetcher fetcher,
    TimeProvider time) : Grain, ITaskDefinitionGrain, IOrgOwned
{
    private (Guid OrgId, string Name, string Version)? key;

    // Rebuilt from the stored document on first use after activation; never persisted.
    private TaskContract? contract;

    public Guid OwnerOrgId => Key.OrgId;

    private (Guid OrgId, string Name, string Version) Key => key ??= TaskDefinitionKey.Parse(this.GetPrimaryKeyString());

    public Task<TaskDefinitionView> CreateAsync(TaskDefinitionDraft draft) => CreateAsync(draft, source: null);

    public async Task<TaskDefinitionView> ImportAsync(string url, TaskDefinitionDraft draft)
    {
        RequireDefiner();
        RequireNew();
        var document = await fetcher.FetchAsync(url);
        return await CreateAsync(draft with { Document = document }, source: url);
    }

    public async Task<TaskDefinitionView> CreateImportedAsync(TaskDefinitionDraft draft, TaskDefinitionStatus status, string? deprecationReason, Guid importId)
    {
        RequireDefiner();
        RequireNew();
        var (normalized, loaded) = await CheckAsync(draft);
        var now = time.GetUtcNow();
        state.State.Exists = true;
        state.State.Status = status;
        state.State.DeprecationReason = status == TaskDefinitionStatus.Deprecated ? deprecationReason : null;
        state.State.PublishedAt = status == TaskDefinitionStatus.Draft ? null : now;
        state.State.CreatedAt = now;
        state.State.CreatedBy = CallerContext.Current!.UserId;
        state.State.ImportId = importId;
        Apply(normalized, loaded, now);
        await SaveAsync();
        await AuditAsync(AuditActions.TaskCreated, new Dictionary<string, string?>
        {
            ["operationId"] = state.State.OperationId,
            ["image"] = state.State.Deployment.Image,
            ["status"] = status.ToString(),
            ["importId"] = importId.ToString(),
        });
        return ToView();
    }

    public async Task DiscardImportAsync(Guid importId)
    {
        RequireDefiner();
        if (!state.State.Exists || state.State.ImportId != importId)
        {
            return;
        }

        await state.ClearStateAsync();
        await catalog.DeleteAsync(Key.OrgId, Key.Name, Key.Version);
        contract = null;
        await AuditAsync(AuditActions.TaskImportRolledBack, new Dictionary<string, string?> { ["importId"] = importId.ToString() });
    }

    private void RequireNew()
    {
        if (state.State.Exists)
        {
            throw new MolDashException(ErrorKind.Conflict, $"Task {Key.Name} {Key.Version} already exists; edit its draft or create another version.");
        }
    }

    private async Task<TaskDefinitionView> CreateAsync(TaskDefinitionDraft draft, string? source)
    {
        var caller = RequireDefiner();
        if (!TaskDefinitionKey.IsValidName(Key.Name) || !TaskDefinitionKey.IsValidVersion(Key.Version))
        {
            throw MolDashException.Invalid("The task name or version is not valid.", [
                new FieldError("/name", $"1 to {TaskDefinitionKey.MaxNameLength} lower-case letters, digits and inner hyphens."),
                new FieldError("/version", "A semantic version such as 1.0.0."),
            ]);
        }

        RequireNew();
        var (normalized, loaded) = await CheckAsync(draft);
        var now = time.GetUtcNow();
        state.State.Exists = true;
        state.State.Status = TaskDefinitionStatus.Draft;
        state.State.CreatedAt = now;
        state.State.CreatedBy = caller.UserId;
        Apply(normalized, loaded, now);
        await SaveAsync();
        await AuditAsync(AuditActions.TaskCreated, new Dictionary<string, string?>
        {
            ["operationId"] = state.State.OperationId,
            ["image"] = state.State.Deployment.Image,
            ["importedFrom"] = source,
        });
        return ToView();
    }

    public Task<TaskDefinitionView> GetAsync() => Task.FromResult(RequireExisting().ToView());

    public async Task<TaskDefinitionView> UpdateDraftAsync(TaskDefinitionDraft draft)
    {
        RequireDefiner();
        RequireExisting();
        if (state.State.Status != TaskDefinitionStatus.Draft)
        {
            throw new MolDashException(ErrorKind.Conflict,
                $"Task {Key.Name} {Key.Version} is {state.State.Status.ToString().ToLowerInvariant()} and cannot change; clone it to a new version.");
        }

        var (normalized, loaded) = await CheckAsync(draft);
        Apply(normalized, loaded, time.GetUtcNow());
        await SaveAsync();
        await AuditAsync(AuditActions.TaskUpdated, new Dictionary<string, string?> { ["operationId"] = state.State.OperationId, ["image"] = state.State.Deployment.Image });
        return ToView();
    }

    public async Task<TaskDefinitionView> PublishAsync()
    {
        RequireDefiner();
        RequireExisting();
        switch (state.State.Status)
        {
            case TaskDefinitionStatus.Published:
                // A retried publish after an unknown outcome must not fail.
                return ToView();
            case TaskDefinitionStatus.Deprecated:
                throw new MolDashException(ErrorKind.Conflict, $"Task {Key.Name} {Key.Version} is deprecated; publish a new version instead.");
        }

        var now = time.GetUtcNow();
        state.State.Status = TaskDefinitionStatus.Published;
        state.State.PublishedAt = now;
        state.State.UpdatedAt = now;
        await SaveAsync();
        await AuditAsync(AuditActions.TaskPublished);
        return ToView();
    }

    public async Task<TaskDefinitionView> DeprecateAsync(string reason)
    {
        RequireDefiner();
        RequireExisting();
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > TaskDraftRules.MaxReasonLength)
        {
            throw MolDashException.Invalid("A deprecation needs a reason.", [new FieldError("/reason", $"Say why, in 1 to {TaskDraftRules.MaxReasonLength} characters, so users know what to move to.")]);
        }

        if (state.State.Status == TaskDefinitionStatus.Draft)
        {
            throw new MolDashException(ErrorKind.Conflict, $"Task {Key.Name} {Key.Version} is a draft; only published versions are deprecated (delete or edit a draft instead).");
        }

        state.State.Status = TaskDefinitionStatus.Deprecated;
        state.State.DeprecationReason = trimmed;
        state.State.UpdatedAt = time.GetUtcNow();
        await SaveAsync();
        await AuditAsync(AuditActions.TaskDeprecated, new Dictionary<string, string?> { ["reason"] = trimmed });
        return ToView();
    }

    public async Task<TaskDefinitionView> CloneAsync(string name, string version)
    {
        RequireDefiner();
        RequireExisting();
        if (name == Key.Name && version == Key.Version)
        {
            throw MolDashException.Invalid("A clone needs a new name or version.", [new FieldError("/version", "Give the clone another name or version.")]);
        }

        var draft = new TaskDefinitionDraft
        {
            Description = state.State.Description,
            Category = state.State.Category,
            Tags = state.State.Tags,
            Document = state.State.DocumentJson,
            OperationId = state.State.OperationId,
            Deployment = state.State.Deployment,
        };
        // The clone's own grain audits its creation; this row says where it came from.
        var clone = await GrainFactory.GetGrain<ITaskDefinitionGrain>(TaskDefinitionKey.Format(Key.OrgId, name, version)).CreateAsync(draft);
        await AuditAsync(AuditActions.TaskCloned, new Dictionary<string, string?> { ["to"] = $"{name}/{version}" });
        return clone;
    }

    public Task<TaskForm> GetFormAsync() => Task.FromResult(RequireExisting().Contract().Form);

    public Task<TaskParameterCheck> ValidateParametersAsync(string parametersJson) =>
        Task.FromResult(new TaskParameterCheck(RequireExisting().Check(parametersJson)));

    public Task<TaskRunPlan> PlanRunAsync(IReadOnlyList<string?> parameterSets)
    {
        RequireExisting();
        var errors = parameterSets.Select(set => set is null ? [] : Check(set)).ToList();
        return Task.FromResult(new TaskRunPlan(state.State.Status, state.State.DeprecationReason, state.State.Deployment.Deterministic, errors, state.State.Category));
    }

    private IReadOnlyList<FieldError> Check(string parametersJson)
    {
        JsonNode? parameters;
        try
        {
            parameters = JsonNode.Parse(parametersJson, documentOptions: new JsonDocumentOptions { MaxDepth = TaskDocumentLimits.MaxDepth });
        }
        catch (JsonException e)
        {
            return [new FieldError("", $"The parameters are not valid JSON: {e.Message}")];
        }

        return Contract().ValidateParameters(parameters);
    }

    private static Caller RequireDefiner() => PermissionGuard.Require(MolDashPermissions.TaskDefine, "define tasks");

    private TaskDefinitionGrain RequireExisting() =>
        state.State.Exists ? this : throw MolDashException.NotFound("The task version");

    /// <summary>Checks a draft against the registry's rules and the org's resource policy, all errors at once.</summary>
    private async Task<(TaskDefinitionDraft Draft, TaskContract Contract)> CheckAsync(TaskDefinitionDraft draft)
    {
        var quotas = await GrainFactory.GetGrain<IOrganizationGrain>(Key.OrgId).GetQuotasAsync();
        return Check(draft, quotas);
    }

    internal static (TaskDefinitionDraft Draft, TaskContract Contract) Check(TaskDefinitionDraft draft, OrganizationQuotas quotas)
    {
        var normalized = TaskDraftRules.Normalize(draft);
        var errors = TaskDraftRules.Check(normalized);
        errors.AddRange(TaskResourcePolicy.Check(normalized.Deployment, quotas));
        var loaded = TaskDocumentLoader.Load(normalized.Document, normalized.OperationId);
        errors.AddRange(loaded.Errors);
        if (errors.Count > 0 || loaded.Contract is null)
        {
            throw MolDashException.Invalid(
                loaded.Errors.Count > 0 ? "The OpenAPI document cannot describe this task; each error points into the document." : "The task definition has invalid fields.",
                errors);
        }

        return (normalized, loaded.Contract);
    }

    private void Apply(TaskDefinitionDraft draft, TaskContract loaded, DateTimeOffset now)
    {
        state.State.Description = draft.Description;
        state.State.Category = draft.Category;
        state.State.Tags = [.. draft.Tags];
        state.State.DocumentJson = loaded.DocumentJson;
        state.State.OperationId = loaded.Operation.OperationId;
        state.State.Deployment = draft.Deployment;
        state.State.UpdatedAt = now;
        contract = loaded;
    }

    private TaskContract Contract()
    {
        if (contract is null)
        {
            var loaded = TaskDocumentLoader.Load(state.State.DocumentJson, state.State.OperationId);
            contract = loaded.Contract
                ?? throw new MolDashException(ErrorKind.Unavailable, $"The stored document of task {Key.Name} {Key.Version} no longer loads: {loaded.Errors[0].Message}");
        }

        return contract;
    }

    /// <summary>The grain state is the truth; the catalog row follows it and is rewritten on every change.</summary>
    private async Task SaveAsync()
    {
        await state.WriteStateAsync();
        await catalog.UpsertAsync(Key.OrgId, new TaskSummary(
            Key.Name, Key.Version, state.State.Description, state.State.Category, state.State.Tags,
            state.State.Status, state.State.OperationId, state.State.UpdatedAt));
    }

    private Task AuditAsync(string action, Dictionary<string, string?>? details = null) =>
        auditor.RecordAsync(action, $"{Key.Name}/{Key.Version}", AuditOutcome.Succeeded, Key.OrgId, details);

    private TaskDefinitionView ToView() => new()
    {
        OrgId = Key.OrgId,
        Name = Key.Name,
        Version = Key.Version,
        Description = state.State.Description,
        Category = state.State.Category,
        Tags = state.State.Tags,
        OperationId = state.State.OperationId,
        Status = state.State.Status,
        DeprecationReason = state.State.DeprecationReason,
        Deployment = state.State.Deployment,
        Document = new JsonText(state.State.DocumentJson),
        CreatedAt = state.State.CreatedAt,
        CreatedBy = state.State.CreatedBy,
        UpdatedAt = state.State.UpdatedAt,
        PublishedAt = state.State.PublishedAt,
    };
}
