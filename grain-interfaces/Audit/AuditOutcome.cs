namespace MolDash.GrainInterfaces.Audit;

[GenerateSerializer, Alias("MolDash.AuditOutcome")]
public enum AuditOutcome
{
    Succeeded = 0,
    Failed = 1,
    Denied = 2,
}
