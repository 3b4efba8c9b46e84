using System.Text.Json;
using Microsoft.Extensions.Logging;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Access;
using MolDash.Grains.Audit;
using MolDash.Grains.Registry;

namespace MolDash.Grains.Tasks;

/// <summary>
/// Bundle export and import for one org. An import is all or nothing: it checks every entry before it
/// creates any (so conflicts and invalid entries come back together), then creates each new version
/// marked with the import's id; if a create fails (say a version created meanwhile by someone else),
/// the versions this import already made are discarded by that id. Should the silo die mid-import, the
/// versions made so far stay, and running the same bundle again skips them as identical and makes the
/// rest, so a retried import converges. Non-reentrant, so one import per org runs at a time.
/// </summary>
[GrainType("moldash-task-bundle")]
public sealed class TaskBundleGrain(ITaskCatalog catalog, Auditor auditor, TimeProvider time, ILogger<TaskBundleGrain> logger)
    : Grain, ITaskBundleGrain, IOrgOwned
{
    public const int MaxTasks = 500;
    private const int PageSize = 200;

    public Guid OwnerOrgId => this.GetPrimaryKey();

    public async Task<TaskBundle> ExportAsync(string? name, string? version)
    {
        PermissionGuard.Require(MolDashPermissions.TaskDefine, "export tasks");
        var entries = new List<TaskBundleEntry>();
        string? after = null;
        do
        {
            var page = await catalog.ListAsync(OwnerOrgId, new TaskQuery(Name: name), after is null ? null : TaskCursor.Decode(after), PageSize);
            foreach (var row in page.Items.Where(row => version is null || row.Version == version))
            {
                var task = await Definition(row.Name, row.Version).GetAsync();
                entries.Add(new TaskBundleEntry
                {
                    Name = task.Name,
                    Version = task.Version,
                    Status = task.Status,
                    DeprecationReason = task.DeprecationReason,
                    Description = task.Description,
                    Category = task.Category,
                    Tags = task.Tags,
                    OperationId = task.OperationId,
                    Deployment = task.Deployment,
                    Document = task.Document,
                });
            }

            after = page.NextCursor;
        }
        while (after is not null);

        return new TaskBundle { ExportedAt = time.GetUtcNow(), Tasks = entries };
    }

    public async Task<TaskBundleImportResult> ImportAsync(TaskBundle bundle)
    {
        PermissionGuard.Require(MolDashPermissions.TaskDefine, "import tasks");
        if (bundle.Format != TaskBundle.CurrentFormat)
        {
            throw MolDashException.Invalid("This is not a task bundle the registry reads.", [new FieldError("/format", $"Expected \"{TaskBundle.CurrentFormat}\".")]);
        }

        var tasks = bundle.Tasks ?? [];
        if (tasks.Count is 0 or > MaxTasks)
        {
            throw MolDashException.Invalid("The bundle holds no tasks or too many.", [new FieldError("/tasks", $"1 to {MaxTasks} task versions.")]);
        }

        var quotas = await GrainFactory.GetGrain<IOrganizationGrain>(OwnerOrgId).GetQuotasAsync();
        var errors = new List<FieldError>();
        var conflicts = 0;
        var toCreate = new List<(TaskBundleEntry Entry, TaskDefinitionDraft Draft)>();
        var skipped = new List<string>();
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < tasks.Count; i++)
        {
            var at = $"/tasks/{i}";
            var entry = tasks[i];
            if (!TaskDefinitionKey.IsValidName(entry.Name) || !TaskDefinitionKey.IsValidVersion(entry.Version))
            {
                errors.Add(new FieldError(at + "/name", "A valid task name and semantic version are required."));
                continue;
            }

            if (!seen.Add((entry.Name, entry.Version)))
            {
                errors.Add(new FieldError(at, $"{entry.Name}@{entry.Version} appears more than once in the bundle."));
                continue;
            }

            var draft = TaskDraftRules.Normalize(Draft(entry));
            var entryErrors = Check(entry, draft, quotas, out var contract);
            errors.AddRange(entryErrors.Select(error => error with { Pointer = at + error.Pointer }));
            if (entryErrors.Count > 0)
            {
                continue;
            }

            var existing = await ExistingAsync(entry);
            if (existing is null)
            {
                toCreate.Add((entry, draft));
            }
            else if (Fingerprint(existing.Description, existing.Category, existing.Tags, existing.OperationId, existing.Deployment, existing.Document.Json)
                == Fingerprint(draft.Description, draft.Category, draft.Tags, contract!.Operation.OperationId, draft.Deployment, contract.DocumentJson))
            {
                skipped.Add($"{entry.Name}@{entry.Version}");
            }
            else
            {
                conflicts++;
                errors.Add(new FieldError(at, $"{entry.Name}@{entry.Version} already exists with different content; import it as another version."));
            }
        }

        if (errors.Count > 0)
        {
            throw new MolDashException(conflicts == errors.Count ? ErrorKind.Conflict : ErrorKind.Validation,
                $"Nothing was imported: {errors.Count} problem(s) in the bundle, each at its /tasks/<index>.", errors);
        }

        var created = await CreateAllAsync(toCreate);
        await auditor.RecordAsync(AuditActions.TaskBundleImported, null, AuditOutcome.Succeeded, OwnerOrgId,
            new Dictionary<string, string?> { ["created"] = string.Join(", ", created), ["skipped"] = string.Join(", ", skipped) });
        return new TaskBundleImportResult(created, skipped);
    }

    private async Task<List<string>> CreateAllAsync(List<(TaskBundleEntry Entry, TaskDefinitionDraft Draft)> toCreate)
    {
        var importId = Guid.NewGuid();
        var created = new List<TaskBundleEntry>();
        try
        {
            foreach (var (entry, draft) in toCreate)
            {
                await Definition(entry.Name, entry.Version).CreateImportedAsync(draft, entry.Status, entry.DeprecationReason, importId);
                created.Add(entry);
            }
        }
        catch (Exception e)
        {
            var failed = toCreate[created.Count].Entry;
            foreach (var entry in created)
            {
                try
                {
                    await Definition(entry.Name, entry.Version).DiscardImportAsync(importId);
                }
                catch (Exception rollback) when (rollback is MolDashException or TimeoutException or OrleansException)
                {
                    logger.LogError(rollback, "Import {ImportId}: {Name}@{Version} could not be rolled back", importId, entry.Name, entry.Version);
                }
            }

            var kind = e is MolDashException known ? known.Kind : ErrorKind.Unavailable;
            throw new MolDashException(kind,
                $"Nothing was imported: creating {failed.Name}@{failed.Version} failed ({e.Message}); the {created.Count} version(s) created before it were removed.");
        }

        return [.. created.Select(entry => $"{entry.Name}@{entry.Version}")];
    }

    /// <summary>The entry's field errors (pointers relative to the entry) and, when its document loads, the contract as it would be stored.</summary>
    private static List<FieldError> Check(TaskBundleEntry entry, TaskDefinitionDraft normalized, OrganizationQuotas quotas, out TaskContract? contract)
    {
        var errors = TaskDraftRules.Check(normalized);
        errors.AddRange(TaskResourcePolicy.Check(normalized.Deployment, quotas));
        if (entry.Status == TaskDefinitionStatus.Deprecated && string.IsNullOrWhiteSpace(entry.DeprecationReason))
        {
            errors.Add(new FieldError("/deprecationReason", "A deprecated version needs its reason."));
        }

        var loaded = TaskDocumentLoader.Load(normalized.Document, normalized.OperationId);
        errors.AddRange(loaded.Errors.Select(error => error with { Pointer = "/document" + error.Pointer }));
        contract = loaded.Contract;
        return errors;
    }

    private async Task<TaskDefinitionView?> ExistingAsync(TaskBundleEntry entry)
    {
        try
        {
            return await Definition(entry.Name, entry.Version).GetAsync();
        }
        catch (MolDashException e) when (e.Kind == ErrorKind.NotFound)
        {
            return null;
        }
    }

    private static TaskDefinitionDraft Draft(TaskBundleEntry entry)
    {
        var json = entry.Document?.Json ?? "null";
        using var parsed = JsonDocument.Parse(json);
        return new TaskDefinitionDraft
        {
            Description = entry.Description ?? "",
            Category = entry.Category ?? "",
            Tags = entry.Tags ?? [],
            // A string holds the document's text (YAML or JSON); anything else is the document itself.
            Document = parsed.RootElement.ValueKind == JsonValueKind.String ? parsed.RootElement.GetString()! : json,
            OperationId = string.IsNullOrWhiteSpace(entry.OperationId) ? null : entry.OperationId,
            Deployment = entry.Deployment ?? new TaskDeployment(),
        };
    }

    /// <summary>What "the same content" means for an existing version: everything but status and timestamps.</summary>
    private static string Fingerprint(
        string description, string category, IReadOnlyList<string> tags, string operationId, TaskDeployment deployment, string documentJson) =>
        JsonSerializer.Serialize(new { description, category, tags, operationId, Deployment = Canonical(deployment), Document = documentJson });

    /// <summary>The deployment with its environment sorted, so the order variables were written in does not count as a difference.</summary>
    private static object Canonical(TaskDeployment deployment) => deployment with
    {
        Env = new SortedDictionary<string, string>(deployment.Env.ToDictionary(), StringComparer.Ordinal),
    };

    private ITaskDefinitionGrain Definition(string name, string version) =>
        GrainFactory.GetGrain<ITaskDefinitionGrain>(TaskDefinitionKey.Format(OwnerOrgId, name, version));
}
