using System.Net.Mail;

namespace MolDash.Grains.Users;

public static class EmailAddresses
{
    public const int MaxLength = 254;

    /// <returns>The address without surrounding blanks when it is a single plain email address, otherwise null.</returns>
    public static string? Normalize(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        return trimmed.Length <= MaxLength && MailAddress.TryCreate(trimmed, out var parsed) && parsed.Address == trimmed ? trimmed : null;
    }

    /// <summary>The part after the last '@', lower-cased.</summary>
    public static string DomainOf(string email) => email[(email.LastIndexOf('@') + 1)..].ToLowerInvariant();
}
