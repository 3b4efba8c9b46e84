using Microsoft.AspNetCore.StaticFiles;

namespace MolDash.Api.Web;

/// <summary>
/// How browsers cache the dashboard's files (wwwroot): index.html, the entry bundle and the stylesheet are
/// revalidated on every load, so a new build reaches people at once; chunks have a content hash in their
/// names, so a name never changes content and may be kept for good.
/// </summary>
public static class DashboardCaching
{
    private const string Chunks = "/app/chunks";

    public static void Apply(StaticFileResponseContext context)
    {
        var request = context.Context.Request;
        context.Context.Response.Headers.CacheControl = request.Path.StartsWithSegments(Chunks, StringComparison.Ordinal)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
    }
}
