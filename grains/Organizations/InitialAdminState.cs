namespace MolDash.Grains.Organizations;

/// <summary>
/// The first Admin provisioning makes. The user id is chosen and stored before the account is written, so
/// a step repeated after a silo died finds the account it made instead of making a second one.
/// </summary>
[GenerateSerializer, Alias("MolDash.InitialAdminState")]
public sealed class InitialAdminState
{
    [Id(0)] public string Email { get; set; } = "";
    [Id(1)] public string DisplayName { get; set; } = "";
    [Id(2)] public Guid PlannedUserId { get; set; }
    [Id(3)] public Guid? UserId { get; set; }
    [Id(4)] public bool AccountCreated { get; set; }
    [Id(5)] public bool PasswordShown { get; set; }
}
