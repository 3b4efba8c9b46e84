namespace MolDash.Grains.Identity;

public sealed record UserAccount(Guid Id, string Email, string PasswordHash, bool IsRoot, bool Disabled);
