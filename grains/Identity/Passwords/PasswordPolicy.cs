using Microsoft.Extensions.Options;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Identity.Passwords;

/// <summary>
/// The rules every password set through MolDash must meet (creating a user, accepting an invitation,
/// resetting or changing a password, the configured Root password). A refusal names the rule broken.
/// </summary>
public sealed class PasswordPolicy(IOptions<PasswordPolicyOptions> options)
{
    public const string MinLengthRule = "min-length";
    public const string MaxLengthRule = "max-length";
    public const string NotEmailRule = "not-email";
    public const string NotNameRule = "not-name";
    public const string NotCommonRule = "not-common";

    // Hashing cost grows with length; nobody types more than this.
    private const int MaxLength = 512;

    /// <returns>The rule broken and why, or null when the password is acceptable.</returns>
    public (string Rule, string Reason)? Break(string password, string email, string? displayName)
    {
        var min = options.Value.MinLength;
        var trimmed = password.Trim();
        var localPart = email.Split('@')[0];
        return password switch
        {
            _ when password.Length < min => (MinLengthRule, $"a password needs at least {min} characters"),
            _ when password.Length > MaxLength => (MaxLengthRule, $"a password has at most {MaxLength} characters"),
            _ when Same(trimmed, email) || Same(trimmed, localPart) => (NotEmailRule, "a password must not be the account's email address"),
            _ when !string.IsNullOrWhiteSpace(displayName) && Same(trimmed, displayName.Trim()) => (NotNameRule, "a password must not be the user's name"),
            _ when CommonPasswords.Contains(trimmed) => (NotCommonRule, "this password is on the list of commonly used (and so first guessed) passwords"),
            _ => null,
        };
    }

    /// <summary>Refuses a password that breaks a rule: a 422 keyed by <paramref name="field"/> that names the rule.</summary>
    /// <param name="field">The request field holding the password, such as "password" or "newPassword".</param>
    public void Require(string password, string email, string? displayName, string field)
    {
        if (Break(password, email, displayName) is { } broken)
        {
            throw MolDashException.Invalid(
                $"The password does not meet the password policy (rule {broken.Rule}).",
                [new FieldError("/" + field, $"{broken.Rule}: {broken.Reason}.")]);
        }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
