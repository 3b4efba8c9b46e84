using System.Collections.Frozen;

namespace MolDash.Grains.Identity.Passwords;

/// <summary>
/// Passwords long enough to pass the length rule that still top the published lists of leaked passwords;
/// compared without regard to case.
/// </summary>
public static class CommonPasswords
{
    private static readonly FrozenSet<string> Known = new[]
    {
        "password1234", "password12345", "password123456", "password123!", "passwordpassword", "p@ssw0rd1234",
        "p@ssword1234", "passw0rd1234", "123456789012", "1234567890123", "12345678901234", "111111111111",
        "000000000000", "123123123123", "qwerty123456", "qwertyuiop12", "qwertyuiopas", "1q2w3e4r5t6y",
        "q1w2e3r4t5y6", "1qaz2wsx3edc", "zaq12wsxcde3", "asdfghjkl123", "abc123456789", "abcdefghijkl",
        "iloveyou1234", "letmein12345", "welcome12345", "welcome123456", "changeme1234", "administrator",
        "admin1234567", "admin123456789", "monkey123456", "football1234", "baseball1234", "superman1234",
        "sunshine1234", "princess1234", "dragon123456", "master123456", "trustno1trustno1", "moldash12345",
        "moldashmoldash", "moldash123456",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool Contains(string password) => Known.Contains(password);
}
