namespace MolDash.Api.Endpoints;

/// <summary>Optional text from a query string or body: blank means "not given".</summary>
public static class QueryText
{
    public static string? OrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
