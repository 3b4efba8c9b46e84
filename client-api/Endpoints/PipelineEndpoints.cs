using System.Security.Claims;
using System.Text.Json;
using MolDash.Api.Auth;
using MolDash.Api.Contracts;
using MolDash.Api.Errors;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Pipelines;
using MolDash.GrainInterfaces.TaskServices;
using MolDash.GrainInterfaces.Tasks;

namespace MolDash.Api.Endpoints;

/// <summary>
/// Pipelines: the catalog, definitions and versions (Admins), forms, signatures and runs through the cache.
/// A pipeline belongs to the caller's org; Root names the org with <c>?orgId=</c>. Another org's public
/// pipeline is read and run with <c>?owner={its org id}</c> (as the catalog lists it); the run is the caller's org's.
/// </summary>
public static class PipelineEndpoints
{
    private const int DefaultPageSize = 50;

    public static RouteGroupBuilder MapPipelineEndpoints(this RouteGroupBuilder api)
    {
        var pipelines = api.MapGroup("/pipelines").WithTags("Pipelines");
        pipelines.MapGet("/", CatalogAsync)
            .WithSummary("The catalog: the org's pipelines and every org's public ones, by name; filter by category, tag, visibility or text (q).");
        pipelines.MapPost("/", CreateAsync).RequireAuthorization(AuthPolicies.PipelineEdit)
            .WithSummary("Define a pipeline with its first version as a draft (pipeline.edit).")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var pipeline = pipelines.MapGroup("/{name}");
        pipeline.MapGet("/", GetAsync).WithSummary("A pipeline with its settings and versions.").ProducesProblem(StatusCodes.Status404NotFound);
        pipeline.MapPut("/", UpdateAsync).RequireAuthorization(AuthPolicies.PipelineEdit)
            .WithSummary("Replace the pipeline's settings: description, category, tags, visibility, cache threshold and lifetime (pipeline.edit).");
        pipeline.MapPost("/validate", ValidateAsync)
            .WithSummary("Check a graph (the body) without saving it: every problem at once, each pointing at its node, edge or field.");

        var version = pipeline.MapGroup("/versions/{version}");
        version.MapGet("/", GetVersionAsync).WithSummary("A version: its graph, status and, for a draft, its problems.");
        version.MapPut("/", UpdateDraftAsync).RequireAuthorization(AuthPolicies.PipelineEdit)
            .WithSummary("Replace a draft's graph (pipeline.edit); it is saved with its problems listed. Published versions never change (409).");
        version.MapPost("/publish", PublishAsync).RequireAuthorization(AuthPolicies.PipelinePublish)
            .WithSummary("Publish a draft that has no problems (pipeline.publish); it becomes immutable and runnable.");
        version.MapPost("/deprecate", DeprecateAsync).RequireAuthorization(AuthPolicies.PipelinePublish)
            .WithSummary("Deprecate a published version with a reason (pipeline.publish): runs that pinned it keep working, new runs are refused.");
        version.MapPost("/versions", NewVersionAsync).RequireAuthorization(AuthPolicies.PipelineEdit)
            .WithSummary("Make a new draft version from this one (pipeline.edit).");
        version.MapGet("/diff", DiffAsync).WithSummary("What changed from this version to ?to= (nodes, edges, inputs).");
        version.MapGet("/form", FormAsync).WithSummary("The form of the version's exposed inputs, generated from the schemas of the fields they fill.");
        version.MapPost("/signature", SignatureAsync)
            .WithSummary("Explain the input signature of a run with these inputs (the body), without running anything.");
        version.MapPost("/runs", RunAsync).RequireAuthorization(AuthPolicies.JobCreate)
            .WithSummary("Run a published version: a cache hit answers at once (200), an identical running job is followed (202), otherwise a new job starts (202). Needs job.create, and task.execute for each of its tasks.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        version.MapPost("/batches", BatchAsync).RequireAuthorization(AuthPolicies.JobCreate)
            .WithSummary("Run a published version over a library: each item's inputs merged over the shared inputs, one job with a sub-graph per item, through the cache as a whole. Needs job.create, and task.execute for each of its tasks.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<IResult> CatalogAsync(
        ClaimsPrincipal user, IClusterClient cluster, Guid? orgId, string? category, string? tag, PipelineVisibility? visibility, string? q, string? after, int? limit)
    {
        var validation = new RequestValidation();
        if (RequestOrg.Resolve(user, orgId, validation) is not { } org)
        {
            return validation.ToProblem();
        }

        var query = new PipelineQuery { Category = QueryText.OrNull(category), Tag = QueryText.OrNull(tag), Visibility = visibility, Text = QueryText.OrNull(q) };
        return TypedResults.Ok(await cluster.GetGrain<IPipelineCatalogGrain>(org).ListAsync(query, after, limit ?? DefaultPageSize));
    }

    private static async Task<IResult> CreateAsync(CreatePipelineRequest request, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId)
    {
        var version = QueryText.OrNull(request.Version) ?? "1.0.0";
        var validation = new RequestValidation()
            .Require(TaskDefinitionKey.IsValidName(request.Name), "name", $"Name is required: 1 to {TaskDefinitionKey.MaxNameLength} lower-case letters, digits and inner hyphens.")
            .Require(TaskDefinitionKey.IsValidVersion(version), "version", "A semantic version such as 1.0.0.");
        if (RequestOrg.Resolve(user, orgId, validation) is not { } org || !validation.IsValid)
        {
            return validation.ToProblem();
        }

        var settings = Settings(request.Description, request.Category, request.Tags, request.Visibility, request.CacheConfidenceThreshold, request.CacheTtlSeconds);
        var created = await cluster.GetGrain<IPipelineGrain>(PipelineKey.Format(org, request.Name!)).CreateAsync(settings, version, request.Graph ?? new PipelineGraph());
        return TypedResults.Created($"/api/v1/pipelines/{created.Name}", created);
    }

    private static Task<IResult> GetAsync(string name, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId, Guid? owner) =>
        OnPipelineAsync(name, user, cluster, orgId, owner, async (pipeline, _) => TypedResults.Ok(await pipeline.GetAsync()));

    private static Task<IResult> UpdateAsync(string name, UpdatePipelineRequest request, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnPipelineAsync(name, user, cluster, orgId, async pipeline => TypedResults.Ok(await pipeline.UpdateSettingsAsync(
            Settings(request.Description, request.Category, request.Tags, request.Visibility, request.CacheConfidenceThreshold, request.CacheTtlSeconds))));

    private static Task<IResult> ValidateAsync(string name, PipelineGraph graph, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnPipelineAsync(name, user, cluster, orgId, async pipeline =>
        {
            var problems = await pipeline.ValidateAsync(graph);
            return TypedResults.Ok(new { valid = problems.Count == 0, problems });
        });

    private static Task<IResult> GetVersionAsync(string name, string version, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId, Guid? owner) =>
        OnPipelineAsync(name, user, cluster, orgId, owner, async (pipeline, _) => TypedResults.Ok(await pipeline.GetVersionAsync(version)));

    private static Task<IResult> UpdateDraftAsync(string name, string version, PipelineGraph graph, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnPipelineAsync(name, user, cluster, orgId, async pipeline => TypedResults.Ok(await pipeline.UpdateDraftAsync(version, graph)));

    private static Task<IResult> PublishAsync(string name, string version, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnPipelineAsync(name, user, cluster, orgId, async pipeline => TypedResults.Ok(await pipeline.PublishAsync(version)));

    private static Task<IResult> DeprecateAsync(string name, string version, DeprecatePipelineRequest request, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnPipelineAsync(name, user, cluster, orgId, async pipeline => TypedResults.Ok(await pipeline.DeprecateAsync(version, request.Reason ?? "")));

    private static Task<IResult> NewVersionAsync(string name, string version, NewPipelineVersionRequest request, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnPipelineAsync(name, user, cluster, orgId, async pipeline =>
        {
            var created = await pipeline.NewVersionAsync(version, request.Version ?? "");
            return TypedResults.Created($"/api/v1/pipelines/{name}/versions/{created.Version}", created);
        });

    private static Task<IResult> DiffAsync(string name, string version, string to, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnPipelineAsync(name, user, cluster, orgId, async pipeline => TypedResults.Ok(await pipeline.DiffAsync(version, to)));

    private static Task<IResult> FormAsync(string name, string version, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId, Guid? owner) =>
        OnPipelineAsync(name, user, cluster, orgId, owner, async (pipeline, _) => TypedResults.Ok(await pipeline.GetFormAsync(version)));

    private static Task<IResult> SignatureAsync(string name, string version, JsonElement inputs, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId, Guid? owner) =>
        OnPipelineAsync(name, user, cluster, orgId, owner, async (pipeline, _) => TypedResults.Ok(await pipeline.ExplainSignatureAsync(version, Inputs(inputs))));

    private static Task<IResult> RunAsync(
        string name, string version, RunPipelineRequest request, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId, Guid? owner, HttpRequest http) =>
        OnPipelineAsync(name, user, cluster, orgId, owner, async (pipeline, org) =>
        {
            var run = new PipelineRunRequest
            {
                InputsJson = Inputs(request.Inputs),
                Priority = request.Priority ?? RunPriority.Normal,
                JobId = JobId(org, user, http),
                Refresh = request.Refresh ?? false,
            };
            return Answer(await pipeline.RunAsync(version, run));
        });

    private static async Task<IResult> BatchAsync(
        string name, string version, RunPipelineBatchRequest request, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId, Guid? owner, HttpRequest http)
    {
        var validation = new RequestValidation()
            .Require(request.Inputs is null || request.Inputs.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null, "inputs", "The shared inputs are a JSON object of values by input name.")
            .Require(request.Items is { Count: > 0 }, "items", "A batch needs at least one item: the inputs of one run (JSON object), such as {\"ligand\": \"CCO\"}.");
        for (var i = 0; i < (request.Items?.Count ?? 0); i++)
        {
            validation.Require(request.Items![i].ValueKind == JsonValueKind.Object, $"items/{i}", "Each item is a JSON object of inputs by name.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var shared = Inputs(request.Inputs);
        return await OnPipelineAsync(name, user, cluster, orgId, owner, async (pipeline, org) => Answer(await pipeline.RunBatchAsync(version, new PipelineBatchRequest
        {
            ItemsJson = [.. request.Items!.Select(item => JsonObjects.Merge(shared, item))],
            Priority = request.Priority ?? RunPriority.Normal,
            JobId = JobId(org, user, http),
            Refresh = request.Refresh ?? false,
        })));
    }

    /// <summary>A hit answers at once (200); a followed or new job is accepted (202) with its URL.</summary>
    private static IResult Answer(PipelineRunResult result) => result.Cache == CacheOutcome.Hit
        ? TypedResults.Ok(result)
        : TypedResults.Accepted($"/api/v1/jobs/{result.Job.JobId}", result);

    private static Guid JobId(Guid org, ClaimsPrincipal user, HttpRequest http) =>
        SubmittedJobId.For(org, Guid.Parse(user.FindFirstValue(MolDashClaims.Subject)!), http.Headers[SubmittedJobId.Header]);

    private static Task<IResult> OnPipelineAsync(string name, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId, Func<IPipelineGrain, Task<IResult>> action) =>
        OnPipelineAsync(name, user, cluster, orgId, null, (pipeline, _) => action(pipeline));

    /// <param name="owner">The org that owns the pipeline when it is not the request's (another org's public pipeline).</param>
    /// <param name="action">Given the pipeline and the org the request acts in.</param>
    private static async Task<IResult> OnPipelineAsync(
        string name, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId, Guid? owner, Func<IPipelineGrain, Guid, Task<IResult>> action)
    {
        var validation = new RequestValidation();
        if (RequestOrg.Resolve(user, orgId, validation) is not { } org)
        {
            return validation.ToProblem();
        }

        if (!TaskDefinitionKey.IsValidName(name))
        {
            throw MolDashException.NotFound("The pipeline");
        }

        return await action(cluster.GetGrain<IPipelineGrain>(PipelineKey.Format(owner ?? org, name)), org);
    }

    private static string Inputs(JsonElement? inputs) => inputs?.ValueKind switch
    {
        null or JsonValueKind.Null or JsonValueKind.Undefined => "{}",
        JsonValueKind.Object => inputs.Value.GetRawText(),
        _ => throw MolDashException.Invalid("The inputs are a JSON object of values by input name.", [new FieldError("/inputs", "A JSON object.")]),
    };

    private static PipelineDraft Settings(
        string? description, string? category, IReadOnlyList<string>? tags, PipelineVisibility? visibility, double? threshold, int? ttlSeconds) => new()
    {
        Description = description ?? "",
        Category = category ?? "",
        Tags = tags ?? [],
        Visibility = visibility ?? PipelineVisibility.Org,
        CacheConfidenceThreshold = threshold ?? 0.9,
        CacheTtl = ttlSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
    };
}
