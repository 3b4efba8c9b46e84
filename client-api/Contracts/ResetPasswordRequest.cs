namespace MolDash.Api.Contracts;

public sealed record ResetPasswordRequest(string? Token, string? NewPassword);
