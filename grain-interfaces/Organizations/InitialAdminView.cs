namespace MolDash.GrainInterfaces.Organizations;

/// <summary>
/// The first Admin as provisioning made them. <see cref="InitialPassword"/> is set in exactly one answer
/// to Root: the first one after the account was made (the create or retry response, else the next read);
/// it is never stored in plain text, so once shown, or lost with the silo that held it, it cannot be
/// shown again (a provisioning retry then sets and shows a new one).
/// </summary>
[GenerateSerializer, Immutable, Alias("MolDash.InitialAdminView")]
public sealed record InitialAdminView(
    [property: Id(0)] string Email,
    [property: Id(1)] Guid? UserId,
    [property: Id(2)] bool AccountCreated,
    [property: Id(3)] bool PasswordShown,
    [property: Id(4)] string? InitialPassword);
