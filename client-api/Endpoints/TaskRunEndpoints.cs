using System.Security.Claims;
using System.Text.Json;
using MolDash.Api.Auth;
using MolDash.Api.Contracts;
using MolDash.Api.Errors;
using MolDash.GrainInterfaces.Jobs;
using MolDash.GrainInterfaces.TaskServices;
using MolDash.GrainInterfaces.Tasks;

namespace MolDash.Api.Endpoints;

/// <summary>
/// Running a task version: one run (a one-node job) or a batch (one node per parameter set). Both
/// answer 202 with the job; its progress is at the job's URL and on the live hub.
/// </summary>
public static class TaskRunEndpoints
{
    public static RouteGroupBuilder MapTaskRunEndpoints(this RouteGroupBuilder api)
    {
        var version = api.MapGroup("/tasks/{name}/versions/{version}").WithTags("Task runs");
        version.MapPost("/runs", RunAsync).RequireAuthorization(AuthPolicies.JobCreate)
            .WithSummary("Run the task once on a parameter set (checked against its input schema; 422 with field errors). Send Idempotency-Key to make retries safe. Needs job.create and task.execute on the task.")
            .Produces<JobView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        version.MapPost("/batches", BatchAsync).RequireAuthorization(AuthPolicies.JobCreate)
            .WithSummary("Run the task over many parameter sets (items merged over shared parameters) as one batch job with progress.")
            .Produces<JobView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<IResult> RunAsync(
        string name, string version, RunTaskRequest request, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId, HttpRequest http)
    {
        var validation = new RequestValidation()
            .Require(request.Parameters is null || request.Parameters.Value.ValueKind == JsonValueKind.Object, "parameters", "The parameters are a JSON object.");
        if (RequestOrg.Resolve(user, orgId, validation) is not { } org || !validation.IsValid)
        {
            return validation.ToProblem();
        }

        var node = Node(name, version, "run", request.Parameters?.GetRawText() ?? "{}");
        var submission = new JobSubmission
        {
            Kind = JobKind.Task,
            Target = $"{name}@{version}",
            Nodes = [node],
            Priority = request.Priority ?? RunPriority.Normal,
        };
        return await SubmitAsync(cluster, org, user, http, submission);
    }

    private static async Task<IResult> BatchAsync(
        string name, string version, BatchRunRequest request, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId, HttpRequest http)
    {
        var validation = new RequestValidation()
            .Require(request.Parameters is null || request.Parameters.Value.ValueKind == JsonValueKind.Object, "parameters", "The shared parameters are a JSON object.")
            .Require(request.Items is { Count: > 0 }, "items", "A batch needs at least one item: a parameter set (JSON object) per run.");
        for (var i = 0; i < (request.Items?.Count ?? 0); i++)
        {
            validation.Require(request.Items![i].ValueKind == JsonValueKind.Object, $"items/{i}", "Each item is a JSON object of parameters.");
        }

        if (RequestOrg.Resolve(user, orgId, validation) is not { } org || !validation.IsValid)
        {
            return validation.ToProblem();
        }

        var shared = request.Parameters?.GetRawText() ?? "{}";
        var width = request.Items!.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        var nodes = request.Items.Select((item, i) =>
            Node(name, version, "item-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0'), JsonObjects.Merge(shared, item)) with { ContinueOnFailure = true });
        var submission = new JobSubmission
        {
            Kind = JobKind.Batch,
            Target = $"{name}@{version}",
            Nodes = [.. nodes],
            Priority = request.Priority ?? RunPriority.Normal,
        };
        return await SubmitAsync(cluster, org, user, http, submission);
    }

    private static async Task<IResult> SubmitAsync(IClusterClient cluster, Guid org, ClaimsPrincipal user, HttpRequest http, JobSubmission submission)
    {
        var (name, version) = (submission.Nodes[0].TaskName, submission.Nodes[0].TaskVersion);
        if (!TaskDefinitionKey.IsValidName(name) || !TaskDefinitionKey.IsValidVersion(version))
        {
            throw GrainInterfaces.Errors.MolDashException.NotFound("The task version");
        }

        var userId = Guid.Parse(user.FindFirstValue(MolDashClaims.Subject)!);
        var jobId = SubmittedJobId.For(org, userId, http.Headers[SubmittedJobId.Header]);
        var job = await cluster.GetGrain<IJobGrain>(JobKey.Format(org, jobId)).SubmitAsync(submission);
        return TypedResults.Accepted($"/api/v1/jobs/{jobId}", job);
    }

    private static JobNode Node(string name, string version, string id, string parameters) => new()
    {
        Id = id,
        TaskName = name,
        TaskVersion = version,
        ParametersJson = parameters,
    };
}
