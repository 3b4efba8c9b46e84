namespace MolDash.GrainInterfaces.Audit;

/// <summary>
/// Reads the audit log: Root across orgs, an org's members holding audit.read (its Admins) within their org. There is no grain or endpoint
/// that changes or deletes audit rows.
/// </summary>
[Alias("MolDash.IAuditReaderGrain")]
public interface IAuditReaderGrain : IGrainWithIntegerKey
{
    /// <param name="after">The cursor from the previous page, or null for the newest entries.</param>
    [Alias("List")]
    Task<AuditPage> ListAsync(AuditQuery query, string? after, int limit);
}
