using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using MolDash.GrainInterfaces.Errors;
using MolDash.Grains.Identity.External;

namespace MolDash.Grains.Tests.Identity;

public sealed class ProviderSecretProtectorTests
{
    private static ProviderSecretProtector WithKey(string key) =>
        new(Options.Create(new IdentityProviderOptions { SecretKey = key }));

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_secret_comes_back_only_under_the_same_key_and_provider_name()
    {
        var key = NewKey();
        var protector = WithKey(key);

        var stored = protector.Protect("entra", "s3cret-value");

        Assert.DoesNotContain("s3cret-value", stored, StringComparison.Ordinal);
        Assert.NotEqual(stored, protector.Protect("entra", "s3cret-value"));
        Assert.Equal("s3cret-value", WithKey(key).Unprotect("entra", stored));
        Assert.Equal(ErrorKind.Unavailable, Assert.Throws<MolDashException>(() => protector.Unprotect("google", stored)).Kind);
        Assert.Equal(ErrorKind.Unavailable, Assert.Throws<MolDashException>(() => WithKey(NewKey()).Unprotect("entra", stored)).Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64")]
    [InlineData("c2hvcnQ=")]
    public void Without_a_32_byte_key_saving_a_secret_says_how_to_set_one_up(string key)
    {
        var error = Assert.Throws<MolDashException>(() => WithKey(key).Protect("entra", "secret"));

        Assert.Equal(ErrorKind.Unavailable, error.Kind);
        Assert.Contains("IdentityProviders:SecretKey", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/tenant/v2.0", true)]
    [InlineData("https://accounts.google.com", true)]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("http://idp.example.com", false)]
    [InlineData("https://idp.example.com/?tenant=x", false)]
    [InlineData("idp.example.com", false)]
    public void Authorities_must_be_https_except_on_this_machine(string authority, bool acceptable) =>
        Assert.Equal(acceptable, OidcClient.IsAcceptableAuthority(authority));
}
