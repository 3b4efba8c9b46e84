namespace MolDash.Api.Auth;

/// <summary>
/// Binds an external sign-in to the browser that started it: a random value in a cookie, which the callback
/// must bring back. SameSite=Lax, because the provider's redirect back is a cross-site navigation.
/// </summary>
public static class ExternalLoginCookie
{
    public const string Name = "moldash_external_login";
    private const string Path = "/api/v1/auth/external";

    public static void Append(HttpResponse response, string value, TimeSpan lifetime) =>
        response.Cookies.Append(Name, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            MaxAge = lifetime,
            Path = Path,
        });

    public static void Delete(HttpResponse response) => response.Cookies.Delete(Name, new CookieOptions { Path = Path });
}
