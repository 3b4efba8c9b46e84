namespace MolDash.Api.Auth;

/// <summary>
/// Where a browser sign-in through a provider may send the browser back: the dashboard on this origin, "/" or a
/// dashboard route "/#/…". Anything else (absolute URLs, "//host", backslashes, other paths, control characters)
/// is refused, so the sign-in cannot be used as an open redirect.
/// </summary>
public static class ReturnPath
{
    public const string Dashboard = "/";
    private const string RoutePrefix = "/#/";
    private const int MaxLength = 2048;

    public const string Rule = "returnTo must be a dashboard path on this site: \"/\" or \"/#/…\" (at most 2048 characters, no backslashes, spaces or control characters).";

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength }
        && (value == Dashboard || value.StartsWith(RoutePrefix, StringComparison.Ordinal))
        && !value.Any(c => c == '\\' || char.IsWhiteSpace(c) || char.IsControl(c));

    /// <summary>The dashboard's sign-in page, which goes on to <paramref name="returnTo"/> once signed in.</summary>
    public static string LoginPage(string returnTo) =>
        returnTo == Dashboard ? "/#/login" : $"/#/login?returnTo={Uri.EscapeDataString(returnTo[(RoutePrefix.Length - 1)..])}";
}
