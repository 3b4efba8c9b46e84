using MolDash.Api.Contracts;
using MolDash.Api.Errors;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.TaskServices;
using MolDash.GrainInterfaces.Tasks;
using Microsoft.Net.Http.Headers;

namespace MolDash.Api.Endpoints;

/// <summary>
/// A task service registering itself with its version's service key (<c>Authorization: ServiceKey &lt;key&gt;</c>).
/// The caller is not a user, so these endpoints allow anonymous callers at the HTTP layer; the key is checked
/// by the task-service grain, where it is stored. Any key that does not open the version — wrong, replaced,
/// for another org's task or for no task at all — gets the same 401, so the answer reveals nothing.
/// </summary>
public static class ServiceRegistrationEndpoints
{
    private const string Scheme = "ServiceKey";

    public static RouteGroupBuilder MapServiceRegistrationEndpoints(this RouteGroupBuilder api)
    {
        var instances = api.MapGroup("/tasks/{name}/versions/{version}/service/instances").WithTags("Tasks");
        // Anonymous at the HTTP layer on purpose: the service key is the credential, and the grain checks it.
        instances.MapPost("/self", RegisterAsync).AllowAnonymous()
            .WithSummary("A task service registers (or renews) its instance with the version's service key (Authorization: ServiceKey <key>, ?orgId=, {\"address\": …}); the lease answered must be renewed before it ends. Addresses must lie inside TaskServices:SelfRegistrationNetworks (422 at /address).")
            .Produces<InstanceLease>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        instances.MapDelete("/self", DeregisterAsync).AllowAnonymous()
            .WithSummary("A self-registered instance leaves (?orgId=, ?address=) with the version's service key, e.g. when the service shuts down.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    private static Task<IResult> RegisterAsync(string name, string version, Guid? orgId, RegisterInstanceRequest request, HttpRequest http, IClusterClient cluster) =>
        WithKeyAsync(name, version, orgId, http, cluster, async (grain, key) => TypedResults.Ok(await grain.RegisterSelfAsync(key, request.Address ?? "")));

    private static Task<IResult> DeregisterAsync(string name, string version, Guid? orgId, string? address, HttpRequest http, IClusterClient cluster) =>
        WithKeyAsync(name, version, orgId, http, cluster, async (grain, key) =>
        {
            await grain.DeregisterSelfAsync(key, address ?? "");
            return TypedResults.NoContent();
        });

    private static async Task<IResult> WithKeyAsync(
        string name, string version, Guid? orgId, HttpRequest http, IClusterClient cluster, Func<ITaskServiceGrain, string, Task<IResult>> action)
    {
        if (PresentedKey(http) is not { } key)
        {
            http.HttpContext.Response.Headers.WWWAuthenticate = Scheme;
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in",
                detail: "Send the task version's service key as 'Authorization: ServiceKey <key>'; an Admin creates it with POST …/service/credentials.");
        }

        if (orgId is not { } org)
        {
            return new RequestValidation().Require(false, "orgId", "Name the task's organization with ?orgId=.").ToProblem();
        }

        if (!TaskDefinitionKey.IsValidName(name) || !TaskDefinitionKey.IsValidVersion(version))
        {
            throw MolDashException.NotFound("The task version");
        }

        return await action(cluster.GetGrain<ITaskServiceGrain>(TaskDefinitionKey.Format(org, name, version)), key);
    }

    private static string? PresentedKey(HttpRequest http)
    {
        var header = http.Headers[HeaderNames.Authorization].ToString();
        return header.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase) && header[(Scheme.Length + 1)..].Trim() is { Length: > 0 } key
            ? key
            : null;
    }
}
