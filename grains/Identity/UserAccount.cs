using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Identity;

namespace MolDash.Grains.Identity;

public sealed record UserAccount(Guid Id, string Email, string PasswordHash, bool IsRoot, bool Disabled, string DisplayName = "")
{
    /// <summary>Root signs into the platform as a whole: no org, every permission, no membership to stamp.</summary>
    public AuthenticatedUser AsRoot() => new(Id, Email, null, [MolDashRoles.Root], [], null);
}
