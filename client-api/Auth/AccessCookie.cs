namespace MolDash.Api.Auth;

/// <summary>
/// The access token also travels as an HttpOnly cookie, so that a browser can open pages that cannot
/// send an Authorization header, such as the Orleans Dashboard.
/// </summary>
public static class AccessCookie
{
    public const string Name = "moldash_access";

    public static void Append(HttpResponse response, IssuedToken token) =>
        response.Cookies.Append(Name, token.Token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            Expires = token.ExpiresAt,
            Path = "/",
        });

    public static void Delete(HttpResponse response) => response.Cookies.Delete(Name, new CookieOptions { Path = "/" });
}
