using System.Text.Json;
using System.Security.Claims;
using MolDash.Api.Auth;
using MolDash.Api.Contracts;
using MolDash.Api.Errors;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Schedules;
using MolDash.GrainInterfaces.TaskServices;
using MolDash.GrainInterfaces.Tasks;

namespace MolDash.Api.Endpoints;

/// <summary>
/// Scheduled pipeline runs of the caller's org: members make them and read the org's; the creator and the
/// org's Admins pause, resume and delete them. Each firing is a normal run through the cache.
/// </summary>
public static class ScheduleEndpoints
{
    private const int DefaultPageSize = 50;

    public static RouteGroupBuilder MapScheduleEndpoints(this RouteGroupBuilder api)
    {
        var schedules = api.MapGroup("/schedules").WithTags("Schedules").RequireAuthorization(AuthPolicies.Member);
        schedules.MapPost("/", CreateAsync)
            .WithSummary("Schedule a published pipeline version with fixed inputs, on a cron expression in a time zone or every intervalSeconds.")
            .Produces<ScheduleView>(StatusCodes.Status201Created)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        schedules.MapGet("/", ListAsync).WithSummary("The org's schedules, oldest first, a page at a time (?after= the previous page's next).");

        var schedule = schedules.MapGroup("/{scheduleId:guid}");
        schedule.MapGet("/", GetAsync).WithSummary("A schedule with its next occurrence and its latest firings (each with its job id).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        schedule.MapPost("/pause", PauseAsync).WithSummary("Stop firing (the creator or an Admin).");
        schedule.MapPost("/resume", ResumeAsync).WithSummary("Fire again from the next occurrence after now (the creator or an Admin).");
        schedule.MapDelete("/", DeleteAsync).WithSummary("Delete the schedule (the creator or an Admin); its jobs stay.")
            .Produces(StatusCodes.Status204NoContent);
        return api;
    }

    private static async Task<IResult> CreateAsync(CreateScheduleRequest request, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId)
    {
        var validation = new RequestValidation()
            .Require(TaskDefinitionKey.IsValidName(request.Pipeline), "pipeline", "The name of the pipeline to run.")
            .Require(TaskDefinitionKey.IsValidVersion(request.Version), "version", "The published version to run, such as 1.0.0.")
            .Require(request.Inputs is null || request.Inputs.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null, "inputs", "The inputs are a JSON object of values by input name.")
            .Require(request.IntervalSeconds is null or > 0, "intervalSeconds", "A positive number of seconds.");
        if (RequestOrg.Resolve(user, orgId, validation) is not { } org || !validation.IsValid)
        {
            return validation.ToProblem();
        }

        var definition = new ScheduleDefinition
        {
            PipelineName = request.Pipeline!,
            PipelineVersion = request.Version!,
            PipelineOrgId = request.Owner == org ? null : request.Owner,
            InputsJson = request.Inputs is { ValueKind: JsonValueKind.Object } inputs ? inputs.GetRawText() : "{}",
            Priority = request.Priority ?? RunPriority.Normal,
            Cron = QueryText.OrNull(request.Cron),
            TimeZone = QueryText.OrNull(request.TimeZone),
            Interval = request.IntervalSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        };
        var scheduleId = Guid.NewGuid();
        var created = await cluster.GetGrain<IScheduleGrain>(ScheduleKey.Format(org, scheduleId)).CreateAsync(definition);
        return TypedResults.Created($"/api/v1/schedules/{scheduleId}", created);
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, IClusterClient cluster, Guid? orgId, string? after, int? limit)
    {
        var validation = new RequestValidation();
        if (RequestOrg.Resolve(user, orgId, validation) is not { } org)
        {
            return validation.ToProblem();
        }

        return TypedResults.Ok(await cluster.GetGrain<IScheduleDirectoryGrain>(org).ListAsync(QueryText.OrNull(after), limit ?? DefaultPageSize));
    }

    private static Task<IResult> GetAsync(Guid scheduleId, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnScheduleAsync(scheduleId, user, cluster, orgId, async schedule => TypedResults.Ok(await schedule.GetAsync()));

    private static Task<IResult> PauseAsync(Guid scheduleId, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnScheduleAsync(scheduleId, user, cluster, orgId, async schedule => TypedResults.Ok(await schedule.PauseAsync()));

    private static Task<IResult> ResumeAsync(Guid scheduleId, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnScheduleAsync(scheduleId, user, cluster, orgId, async schedule => TypedResults.Ok(await schedule.ResumeAsync()));

    private static Task<IResult> DeleteAsync(Guid scheduleId, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId) =>
        OnScheduleAsync(scheduleId, user, cluster, orgId, async schedule =>
        {
            await schedule.DeleteAsync();
            return TypedResults.NoContent();
        });

    private static async Task<IResult> OnScheduleAsync(Guid scheduleId, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId, Func<IScheduleGrain, Task<IResult>> action)
    {
        var validation = new RequestValidation();
        if (RequestOrg.Resolve(user, orgId, validation) is not { } org)
        {
            return validation.ToProblem();
        }

        return await action(cluster.GetGrain<IScheduleGrain>(ScheduleKey.Format(org, scheduleId)));
    }
}
