namespace MolDash.Api.Auth;

/// <summary>
/// What an external sign-in keeps in the browser, only for the external sign-in endpoints (HttpOnly, short-lived).
/// SameSite=Lax, because the provider's redirect back is a cross-site navigation; a cross-site POST never carries them.
/// </summary>
public static class ExternalLoginCookies
{
    /// <summary>A random value binding the sign-in to the browser that started it, which the callback must bring back.</summary>
    public const string Binding = "moldash_external_login";

    /// <summary>The dashboard path the browser goes back to (<see cref="ReturnPath"/>); absent for API clients, who get JSON.</summary>
    public const string ReturnTo = "moldash_external_return";

    /// <summary>A finished sign-in's refresh token, until the dashboard exchanges it for its tokens (spent by that exchange).</summary>
    public const string Session = "moldash_external_session";

    /// <summary>Why a sign-in the dashboard started failed (<see cref="ExternalSignInProblem"/>), until the sign-in page shows it.</summary>
    public const string Problem = "moldash_external_problem";

    private const string Path = "/api/v1/auth/external";

    public static void Append(HttpResponse response, string name, string value, TimeSpan lifetime) =>
        response.Cookies.Append(name, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            MaxAge = lifetime,
            Path = Path,
        });

    public static void Delete(HttpResponse response, string name) => response.Cookies.Delete(name, new CookieOptions { Path = Path });

    /// <summary>Reads a cookie and deletes it in the same answer: each is used once.</summary>
    public static string? Take(HttpContext context, string name)
    {
        var value = context.Request.Cookies[name];
        if (value is not null)
        {
            Delete(context.Response, name);
        }

        return value;
    }
}
