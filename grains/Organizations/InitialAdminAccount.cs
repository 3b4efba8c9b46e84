namespace MolDash.Grains.Organizations;

/// <param name="AccountCreated">True when provisioning made the account (it has an initial password); false for an existing account.</param>
public sealed record InitialAdminAccount(Guid UserId, bool AccountCreated);
