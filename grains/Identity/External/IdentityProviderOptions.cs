namespace MolDash.Grains.Identity.External;

public sealed class IdentityProviderOptions
{
    public const string Section = "IdentityProviders";

    /// <summary>
    /// Base64 AES key (32 bytes) that encrypts providers' client secrets in the metadata database. Never
    /// committed: `./moldash up` generates one. Without it, external sign-in cannot be configured.
    /// </summary>
    public string SecretKey { get; set; } = "";

    /// <summary>How long a started external sign-in may take to come back.</summary>
    public TimeSpan SignInLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
