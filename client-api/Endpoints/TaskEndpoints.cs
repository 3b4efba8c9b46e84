using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using MolDash.Api.Auth;
using MolDash.Api.Contracts;
using MolDash.Api.Errors;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.TaskServices;
using MolDash.GrainInterfaces.Tasks;

namespace MolDash.Api.Endpoints;

/// <summary>
/// The task registry: an org's task definitions, their generated forms and parameter checks. Tasks
/// belong to the caller's org; Root names the org with <c>?orgId=</c>. An org id that is not the
/// caller's is answered 404 by the silo's access filter.
/// </summary>
public static class TaskEndpoints
{
    private const int DefaultPageSize = 50;

    public static RouteGroupBuilder MapTaskEndpoints(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks").WithTags("Tasks");
        tasks.MapPost("/", CreateAsync).RequireAuthorization(AuthPolicies.Admin)
            .WithSummary("Define a task version from its OpenAPI 3.0 document (Admin, Root); it starts as a draft.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapPost("/import", ImportAsync).RequireAuthorization(AuthPolicies.Admin)
            .WithSummary("Define a task version from the OpenAPI document a running service serves at a URL (Admin, Root); the silo fetches it, refusing private, link-local and metadata addresses outside the configured networks, redirects, documents above 1 MiB and slow answers (422 at /url).")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapGet("/export", ExportAsync).RequireAuthorization(AuthPolicies.Admin)
            .WithSummary("Export the org's task versions (all, or ?name= and &version=) as a bundle with each OpenAPI document embedded (Admin, Root).");
        tasks.MapPost("/bundle", ImportBundleAsync).RequireAuthorization(AuthPolicies.Admin)
            .WithSummary("Import a bundle into the org, all or nothing (Admin, Root): identical versions are skipped, conflicts (409) and invalid entries (422) are reported together at /tasks/<index>; versions keep their status.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapGet("/", ListAsync)
            .WithSummary("List the org's task versions by name and version, a page at a time; filter by name, category, tag, status or text (q).");

        var version = tasks.MapGroup("/{name}/versions/{version}");
        version.MapGet("/", GetAsync).WithSummary("Read a task version with its document and deployment.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        version.MapPut("/", UpdateAsync).RequireAuthorization(AuthPolicies.Admin)
            .WithSummary("Replace a draft's definition (Admin, Root); published versions are immutable (409).")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict);
        version.MapPost("/publish", PublishAsync).RequireAuthorization(AuthPolicies.Admin)
            .WithSummary("Publish a draft: it becomes immutable and runnable (Admin, Root).");
        version.MapPost("/deprecate", DeprecateAsync).RequireAuthorization(AuthPolicies.Admin)
            .WithSummary("Deprecate a published version with a reason (Admin, Root).");
        version.MapPost("/clone", CloneAsync).RequireAuthorization(AuthPolicies.Admin)
            .WithSummary("Copy this version into a new draft under another name or version (Admin, Root).");
        version.MapGet("/form", FormAsync).WithSummary("The form generated from the task's input schema.");
        version.MapPost("/validate", ValidateAsync)
            .WithSummary("Check a parameter set (the request body) against the task's input schema; errors name each field by JSON pointer.");
        version.MapGet("/service", ServiceStatusAsync).RequireAuthorization(AuthPolicies.Admin)
            .WithSummary("The task's service: instances with health, last check, outstanding runs and errors; queue depth per priority (Admin, Root).");
        version.MapPost("/service/instances", RegisterInstanceAsync).RequireAuthorization(AuthPolicies.Admin)
            .WithSummary("Register a running instance of the task's service by its base address (Admin, Root); it is probed at once.");
        version.MapDelete("/service/instances", RemoveInstanceAsync).RequireAuthorization(AuthPolicies.Admin)
            .WithSummary("Forget an Admin-registered or self-registered instance (?address=) (Admin, Root); one from configuration or Kubernetes is a 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        version.MapPost("/service/credentials", IssueServiceKeyAsync).RequireAuthorization(AuthPolicies.Admin)
            .WithSummary("Create or replace the version's service key, with which its service registers itself (Admin, Root). The key is in this answer only; a replaced key stops working at once.");
        return api;
    }

    private static async Task<IResult> CreateAsync(CreateTaskRequest request, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId)
    {
        var validation = new RequestValidation()
            .Require(TaskDefinitionKey.IsValidName(request.Name), "name", $"Name is required: 1 to {TaskDefinitionKey.MaxNameLength} lower-case letters, digits and inner hyphens.")
            .Require(TaskDefinitionKey.IsValidVersion(request.Version), "version", "Version is required: a semantic version such as 1.0.0.");
        var document = DocumentText(request.Document, validation);
        if (RequestOrg.Resolve(user, orgId, validation) is not { } org || !validation.IsValid)
        {
            return validation.ToProblem();
        }

        var draft = Draft(request.Description, request.Category, request.Tags, document!, request.OperationId, request.Deployment);
        var task = await Grain(cluster, org, request.Name!, request.Version!).CreateAsync(draft);
        return TypedResults.Created(Location(task, orgId), task);
    }

    private static async Task<IResult> ImportAsync(ImportTaskRequest request, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId)
    {
        var validation = new RequestValidation()
            .Require(!string.IsNullOrWhiteSpace(request.Url), "url", "The URL of the service's OpenAPI document is required.")
            .Require(TaskDefinitionKey.IsValidName(request.Name), "name", $"Name is required: 1 to {TaskDefinitionKey.MaxNameLength} lower-case letters, digits and inner hyphens.")
            .Require(TaskDefinitionKey.IsValidVersion(request.Version), "version", "Version is required: a semantic version such as 1.0.0.");
        if (RequestOrg.Resolve(user, orgId, validation) is not { } org || !validation.IsValid)
        {
            return validation.ToProblem();
        }

        // The document comes from the URL; the grain fetches it (the API never makes the outbound call).
        var draft = Draft(request.Description, request.Category, request.Tags, "", request.OperationId, request.Deployment);
        var task = await Grain(cluster, org, request.Name!, request.Version!).ImportAsync(request.Url!, draft);
        return TypedResults.Created(Location(task, orgId), task);
    }

    private static async Task<IResult> ExportAsync(ClaimsPrincipal user, IClusterClient cluster, Guid? orgId, string? name, string? version)
    {
        var validation = new RequestValidation();
        if (RequestOrg.Resolve(user, orgId, validation) is not { } org)
        {
            return validation.ToProblem();
        }

        return TypedResults.Ok(await cluster.GetGrain<ITaskBundleGrain>(org).ExportAsync(QueryText.OrNull(name), QueryText.OrNull(version)));
    }

    private static async Task<IResult> ImportBundleAsync(TaskBundle bundle, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId)
    {
        var validation = new RequestValidation();
        if (RequestOrg.Resolve(user, orgId, validation) is not { } org)
        {
            return validation.ToProblem();
        }

        return TypedResults.Ok(await cluster.GetGrain<ITaskBundleGrain>(org).ImportAsync(bundle));
    }

    private static async Task<IResult> ListAsync(
        ClaimsPrincipal user, IClusterClient cluster, Guid? orgId, string? name, string? category, string? tag,
        TaskDefinitionStatus? status, string? q, string? after, int? limit)
    {
        var validation = new RequestValidation();
        if (RequestOrg.Resolve(user, orgId, validation) is not { } org)
        {
            return validation.ToProblem();
        }

        var query = new TaskQuery(QueryText.OrNull(name), QueryText.OrNull(category), QueryText.OrNull(tag), status, QueryText.OrNull(q));
        return TypedResults.Ok(await cluster.GetGrain<ITaskCatalogGrain>(org).ListAsync(query, after, limit ?? DefaultPageSize));
    }

    private static Task<IResult> GetAsync(string name, string version, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnTaskAsync(name, version, user, cluster, orgId, async grain => TypedResults.Ok(await grain.GetAsync()));

    private static async Task<IResult> UpdateAsync(string name, string version, UpdateTaskRequest request, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId)
    {
        var validation = new RequestValidation();
        var document = DocumentText(request.Document, validation);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var draft = Draft(request.Description, request.Category, request.Tags, document!, request.OperationId, request.Deployment);
        return await OnTaskAsync(name, version, user, cluster, orgId, async grain => TypedResults.Ok(await grain.UpdateDraftAsync(draft)));
    }

    private static Task<IResult> PublishAsync(string name, string version, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnTaskAsync(name, version, user, cluster, orgId, async grain => TypedResults.Ok(await grain.PublishAsync()));

    private static Task<IResult> DeprecateAsync(string name, string version, DeprecateTaskRequest request, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnTaskAsync(name, version, user, cluster, orgId, async grain => TypedResults.Ok(await grain.DeprecateAsync(request.Reason ?? "")));

    private static async Task<IResult> CloneAsync(string name, string version, CloneTaskRequest request, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId)
    {
        var cloneName = QueryText.OrNull(request.Name) ?? name;
        var cloneVersion = QueryText.OrNull(request.Version) ?? version;
        var validation = new RequestValidation()
            .Require(TaskDefinitionKey.IsValidName(cloneName), "name", $"1 to {TaskDefinitionKey.MaxNameLength} lower-case letters, digits and inner hyphens.")
            .Require(TaskDefinitionKey.IsValidVersion(cloneVersion), "version", "A semantic version such as 1.0.0.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        return await OnTaskAsync(name, version, user, cluster, orgId, async grain =>
        {
            var clone = await grain.CloneAsync(cloneName, cloneVersion);
            return TypedResults.Created(Location(clone, orgId), clone);
        });
    }

    private static Task<IResult> FormAsync(string name, string version, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnTaskAsync(name, version, user, cluster, orgId, async grain => TypedResults.Ok(await grain.GetFormAsync()));

    private static Task<IResult> ValidateAsync(string name, string version, JsonElement parameters, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnTaskAsync(name, version, user, cluster, orgId, async grain => TypedResults.Ok(await grain.ValidateParametersAsync(parameters.GetRawText())));

    private static Task<IResult> ServiceStatusAsync(string name, string version, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnTaskAsync(name, version, user, cluster, orgId, async grain =>
            TypedResults.Ok(await Service(cluster, grain).GetStatusAsync()));

    private static Task<IResult> RegisterInstanceAsync(string name, string version, RegisterInstanceRequest request, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnTaskAsync(name, version, user, cluster, orgId, async grain =>
        {
            // The definition must exist (and be this org's) before its service takes instances.
            await grain.GetAsync();
            return TypedResults.Ok(await Service(cluster, grain).RegisterInstanceAsync(request.Address ?? ""));
        });

    private static Task<IResult> RemoveInstanceAsync(string name, string version, string address, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnTaskAsync(name, version, user, cluster, orgId, async grain =>
            TypedResults.Ok(await Service(cluster, grain).RemoveInstanceAsync(address)));

    private static Task<IResult> IssueServiceKeyAsync(string name, string version, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnTaskAsync(name, version, user, cluster, orgId, async grain =>
        {
            // The definition must exist (and be this org's) before its service gets a key.
            await grain.GetAsync();
            return TypedResults.Ok(await Service(cluster, grain).IssueServiceKeyAsync());
        });

    /// <summary>A task version's service grain shares its definition grain's key.</summary>
    private static ITaskServiceGrain Service(IClusterClient cluster, ITaskDefinitionGrain definition) =>
        cluster.GetGrain<ITaskServiceGrain>(definition.GetPrimaryKeyString());

    /// <summary>Runs <paramref name="action"/> on the task version's grain; a name or version that cannot exist is a 404.</summary>
    private static async Task<IResult> OnTaskAsync(
        string name, string version, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId, Func<ITaskDefinitionGrain, Task<IResult>> action)
    {
        var validation = new RequestValidation();
        if (RequestOrg.Resolve(user, orgId, validation) is not { } org)
        {
            return validation.ToProblem();
        }

        if (!TaskDefinitionKey.IsValidName(name) || !TaskDefinitionKey.IsValidVersion(version))
        {
            throw MolDashException.NotFound("The task version");
        }

        return await action(Grain(cluster, org, name, version));
    }

    private static string? DocumentText(JsonElement? document, RequestValidation validation)
    {
        var text = document?.ValueKind switch
        {
            JsonValueKind.String => document.Value.GetString(),
            JsonValueKind.Object => document.Value.GetRawText(),
            _ => null,
        };
        validation.Require(!string.IsNullOrWhiteSpace(text), "document", "The OpenAPI 3.0 document is required: JSON or YAML text, or the JSON object itself.");
        return text;
    }

    private static TaskDefinitionDraft Draft(
        string? description, string? category, IReadOnlyList<string>? tags, string document, string? operationId, TaskDeployment? deployment) => new()
    {
        Description = description ?? "",
        Category = category ?? "",
        Tags = tags ?? [],
        Document = document,
        OperationId = operationId,
        Deployment = deployment ?? new TaskDeployment(),
    };

    private static ITaskDefinitionGrain Grain(IClusterClient cluster, Guid org, string name, string version) =>
        cluster.GetGrain<ITaskDefinitionGrain>(TaskDefinitionKey.Format(org, name, version));

    private static string Location(TaskDefinitionView task, Guid? orgId) =>
        $"/api/v1/tasks/{task.Name}/versions/{task.Version}" + (orgId is null ? "" : $"?orgId={task.OrgId}");
}
