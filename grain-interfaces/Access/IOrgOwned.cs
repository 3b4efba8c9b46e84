namespace MolDash.GrainInterfaces.Access;

/// <summary>
/// Implemented by grain classes whose data belongs to one organization; the silo's access filter
/// refuses calls to them from callers outside that org (Root excepted).
/// </summary>
public interface IOrgOwned
{
    Guid OwnerOrgId { get; }
}
