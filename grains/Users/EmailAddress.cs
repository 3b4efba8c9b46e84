using System.Net.Mail;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Users;

public static class EmailAddress
{
    /// <returns>The address trimmed, or a 422 when it is not exactly one email address.</returns>
    public static string Validate(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        return MailAddress.TryCreate(trimmed, out var parsed) && parsed.Address == trimmed && trimmed.Length <= 254
            ? trimmed
            : throw new MolDashException(ErrorKind.Validation, "email must be a single email address.");
    }
}
