using System.Buffers.Text;
using System.Text.Json;

namespace MolDash.Api.Auth;

/// <summary>Why a browser sign-in through a provider failed, carried in a cookie from the callback to the dashboard's sign-in page.</summary>
public sealed record ExternalSignInProblem(int Status, string Title, string Detail)
{
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

    /// <returns>The problem, or null when <paramref name="value"/> is not one this API wrote.</returns>
    public static ExternalSignInProblem? Decode(string value)
    {
        try
        {
            return JsonSerializer.Deserialize<ExternalSignInProblem>(Base64Url.DecodeFromChars(value)) is { Status: >= 400 and < 600 } problem
                ? problem
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
