using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using MolDash.Api.Auth;
using MolDash.Api.Errors;
using MolDash.GrainInterfaces.Audit;

namespace MolDash.Api.Endpoints;

public static class AuditEndpoints
{
    private const int DefaultPageSize = 100;
    private const int FlushEvery = 32 * 1024;

    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(AuthPolicies.AuditRead);
        audit.MapGet("/", ListAsync)
            .WithSummary("Read the audit log, newest first: Root across orgs, a member holding audit.read within their org. Filters: orgId, actorId, action, target, from, to.");
        audit.MapGet("/export.csv", ExportCsvAsync)
            .WithSummary("Every row the filters match (from ?after=, at most ?limit=), newest first, streamed as CSV.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        audit.MapGet("/export.json", ExportJsonAsync)
            .WithSummary("Every row the filters match (from ?after=, at most ?limit=), newest first, streamed as a JSON array; details are JSON objects.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        return api;
    }

    private static async Task<Ok<AuditPage>> ListAsync(
        IClusterClient cluster, Guid? orgId, Guid? actorId, string? action, string? target,
        DateTimeOffset? from, DateTimeOffset? to, string? after, int? limit) =>
        TypedResults.Ok(await cluster.GetGrain<IAuditReaderGrain>(0)
            .ListAsync(new AuditQuery(orgId, actorId, action, target, from, to), after, limit ?? DefaultPageSize));

    private static Task<IResult> ExportCsvAsync(
        IClusterClient cluster, Guid? orgId, Guid? actorId, string? action, string? target,
        DateTimeOffset? from, DateTimeOffset? to, string? after, int? limit) =>
        ExportAsync(cluster, new AuditQuery(orgId, actorId, action, target, from, to), after, limit, "text/csv", "audit.csv", async (body, export) =>
        {
            await using var csv = new StreamWriter(body, new UTF8Encoding(false), FlushEvery);
            await csv.WriteAsync("id,occurred_at,actor_id,actor_email,org_id,action,target,outcome,client_address,details\n");
            await foreach (var entry in export.RowsAsync(CancellationToken.None))
            {
                await csv.WriteAsync(string.Join(',',
                    entry.Id.ToString(CultureInfo.InvariantCulture),
                    entry.OccurredAt.ToString("O", CultureInfo.InvariantCulture),
                    entry.ActorId?.ToString(), Quote(entry.ActorEmail), entry.OrgId?.ToString(),
                    Quote(entry.Action), Quote(entry.Target), entry.Outcome.ToString(), Quote(entry.ClientAddress), Quote(entry.DetailsJson)) + "\n");
            }
        });

    private static Task<IResult> ExportJsonAsync(
        IClusterClient cluster, Guid? orgId, Guid? actorId, string? action, string? target,
        DateTimeOffset? from, DateTimeOffset? to, string? after, int? limit) =>
        ExportAsync(cluster, new AuditQuery(orgId, actorId, action, target, from, to), after, limit, "application/json", "audit.json", async (body, export) =>
        {
            await using var json = new Utf8JsonWriter(body);
            json.WriteStartArray();
            await foreach (var entry in export.RowsAsync(CancellationToken.None))
            {
                Write(json, entry);
                if (json.BytesPending > FlushEvery)
                {
                    await json.FlushAsync();
                }
            }

            json.WriteEndArray();
            await json.FlushAsync();
        });

    /// <summary>Streams every row the query matches through <paramref name="write"/>, once the first page was read without a refusal.</summary>
    private static async Task<IResult> ExportAsync(
        IClusterClient cluster, AuditQuery query, string? after, int? limit, string contentType, string fileName, Func<Stream, AuditExport, Task> write)
    {
        var validation = new RequestValidation().Require(limit is null or > 0, "limit", "limit is a positive number of rows, or left out for all.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var export = await AuditExport.StartAsync(cluster.GetGrain<IAuditReaderGrain>(0), query, after, limit);
        return TypedResults.Stream(body => write(body, export), contentType, fileName);
    }

    private static void Write(Utf8JsonWriter json, AuditEntry entry)
    {
        json.WriteStartObject();
        json.WriteNumber("id", entry.Id);
        json.WriteString("occurredAt", entry.OccurredAt);
        WriteNullable(json, "actorId", entry.ActorId?.ToString());
        WriteNullable(json, "actorEmail", entry.ActorEmail);
        WriteNullable(json, "orgId", entry.OrgId?.ToString());
        json.WriteString("action", entry.Action);
        WriteNullable(json, "target", entry.Target);
        json.WriteString("outcome", entry.Outcome.ToString());
        WriteNullable(json, "clientAddress", entry.ClientAddress);
        json.WritePropertyName("details");
        json.WriteRawValue(entry.DetailsJson);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>RFC 4180 quoting; a leading formula character is defused so spreadsheets do not execute it.</summary>
    private static string Quote(string? value)
    {
        if (value is null)
        {
            return "";
        }

        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
