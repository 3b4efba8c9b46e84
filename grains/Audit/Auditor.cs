using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Audit;

namespace MolDash.Grains.Audit;

/// <summary>
/// What grains call to audit an action: the actor and the client address come from the RequestContext,
/// so every grain records them the same way.
/// </summary>
public sealed class Auditor(IAuditLog log, TimeProvider time)
{
    public Task RecordAsync(
        string action,
        string? target,
        AuditOutcome outcome,
        Guid? orgId = null,
        IReadOnlyDictionary<string, string?>? details = null,
        Guid? actorId = null,
        string? actorEmail = null)
    {
        var caller = CallerContext.Current;
        return log.AppendAsync(new AuditRecord(
            time.GetUtcNow(),
            actorId ?? caller?.UserId,
            actorEmail,
            orgId ?? caller?.OrgId,
            action,
            target,
            outcome,
            ClientAddressContext.Current,
            details ?? new Dictionary<string, string?>()));
    }
}
