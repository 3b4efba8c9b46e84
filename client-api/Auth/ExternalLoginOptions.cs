namespace MolDash.Api.Auth;

public sealed class ExternalLoginOptions
{
    public const string Section = "ExternalLogin";

    /// <summary>
    /// The API's address as browsers reach it (such as https://moldash.example.com), from which the callback
    /// URL registered at providers is made; empty: the address of each request (right without a proxy in front).
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";
}
