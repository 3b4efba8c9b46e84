using System.Globalization;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using Orleans.Concurrency;
using MolDash.Grains.Persistence;

namespace MolDash.Grains.Audit;

[StatelessWorker]
[GrainType("moldash-audit-reader")]
public sealed class AuditReaderGrain(IAuditLog log) : Grain, IAuditReaderGrain
{
    public const int MaxPageSize = 500;

    public async Task<AuditPage> ListAsync(AuditQuery query, string? after, int limit)
    {
        var caller = CallerContext.Current!;
        query = ScopeToCaller(caller, query);
        PageSize.Validate(limit, MaxPageSize);

        var entries = await log.QueryAsync(query, DecodeCursor(after), limit);
        var next = entries.Count == limit ? entries[^1].Id.ToString(CultureInfo.InvariantCulture) : null;
        return new AuditPage(entries, next);
    }

    /// <summary>Root reads any org's rows; a member holding audit.read only their own org's, whatever the filter asked for.</summary>
    private static AuditQuery ScopeToCaller(Caller caller, AuditQuery query)
    {
        if (caller.IsRoot)
        {
            return query;
        }

        if (!caller.Has(MolDashPermissions.AuditRead) || caller.OrgId is null)
        {
            throw new MolDashException(ErrorKind.Forbidden, $"The {MolDashPermissions.AuditRead} permission is needed to read the audit log.");
        }

        return query.OrgId is null || query.OrgId == caller.OrgId
            ? query with { OrgId = caller.OrgId }
            : throw MolDashException.NotFound("The organization");
    }

    private static long? DecodeCursor(string? after) =>
        after is null ? null
        : long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id
        : throw OpaqueCursor.Foreign();
}
