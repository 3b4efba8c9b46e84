namespace MolDash.Grains.Identity.Sessions;

public sealed record RefreshTokenRecord(Guid FamilyId, Guid UserId, Guid? OrgId);
