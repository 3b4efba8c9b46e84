using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using MolDash.Api.Auth;
using MolDash.GrainInterfaces.Audit;

namespace MolDash.Api.Endpoints;

public static class AuditEndpoints
{
    private const int DefaultPageSize = 100;
    private const int ExportPageSize = 500;

    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(AuthPolicies.Admin);
        audit.MapGet("/", ListAsync)
            .WithSummary("Read the audit log, newest first: Root across orgs, an Admin within their org. Filters: orgId, actorId, action, target, from, to.");
        audit.MapGet("/export.csv", ExportCsvAsync)
            .WithSummary("The same rows as the listing (one page of up to 500), as CSV.");
        return api;
    }

    private static async Task<Ok<AuditPage>> ListAsync(
        IClusterClient cluster, Guid? orgId, Guid? actorId, string? action, string? target,
        DateTimeOffset? from, DateTimeOffset? to, string? after, int? limit) =>
        TypedResults.Ok(await cluster.GetGrain<IAuditReaderGrain>(0)
            .ListAsync(new AuditQuery(orgId, actorId, action, target, from, to), after, limit ?? DefaultPageSize));

    private static async Task<FileContentHttpResult> ExportCsvAsync(
        IClusterClient cluster, Guid? orgId, Guid? actorId, string? action, string? target,
        DateTimeOffset? from, DateTimeOffset? to, string? after, int? limit)
    {
        var page = await cluster.GetGrain<IAuditReaderGrain>(0)
            .ListAsync(new AuditQuery(orgId, actorId, action, target, from, to), after, limit ?? ExportPageSize);
        var csv = new StringBuilder("id,occurred_at,actor_id,actor_email,org_id,action,target,outcome,client_address,details\n");
        foreach (var entry in page.Items)
        {
            csv.AppendJoin(',',
                entry.Id.ToString(CultureInfo.InvariantCulture),
                entry.OccurredAt.ToString("O", CultureInfo.InvariantCulture),
                entry.ActorId?.ToString(), Quote(entry.ActorEmail), entry.OrgId?.ToString(),
                Quote(entry.Action), Quote(entry.Target), entry.Outcome.ToString(), Quote(entry.ClientAddress), Quote(entry.DetailsJson));
            csv.Append('\n');
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", "audit.csv");
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
