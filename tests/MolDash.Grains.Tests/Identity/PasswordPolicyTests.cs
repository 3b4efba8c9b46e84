using Microsoft.Extensions.Options;
using MolDash.GrainInterfaces.Errors;
using MolDash.Grains.Identity.Passwords;

namespace MolDash.Grains.Tests.Identity;

public sealed class PasswordPolicyTests
{
    private readonly PasswordPolicy policy = new(Options.Create(new PasswordPolicyOptions()));

    [Theory]
    [InlineData("short-pw", PasswordPolicy.MinLengthRule)]
    [InlineData("ada.lovelace@acme.test", PasswordPolicy.NotEmailRule)]
    [InlineData("ADA.LOVELACE-analytical", PasswordPolicy.NotNameRule)]
    [InlineData("ada.lovelace-engine", null)]
    [InlineData("Password1234", PasswordPolicy.NotCommonRule)]
    [InlineData("correct horse battery staple", null)]
    public void Each_rule_is_named_when_broken(string password, string? rule)
    {
        var broken = policy.Break(password, "ada.lovelace@acme.test", "Ada.Lovelace-Analytical");

        Assert.Equal(rule, broken?.Rule);
    }

    [Fact]
    public void The_email_before_the_at_sign_is_refused_too_once_long_enough()
    {
        Assert.Equal(PasswordPolicy.NotEmailRule, policy.Break("ada.lovelace.1815", "ada.lovelace.1815@acme.test", null)?.Rule);
    }

    [Fact]
    public void The_minimum_length_is_configurable()
    {
        var strict = new PasswordPolicy(Options.Create(new PasswordPolicyOptions { MinLength = 20 }));

        Assert.Equal(PasswordPolicy.MinLengthRule, strict.Break("nineteen-characters", "x@y.test", null)?.Rule);
    }

    [Fact]
    public void A_refusal_is_a_422_at_the_field_naming_the_rule()
    {
        var error = Assert.Throws<MolDashException>(() => policy.Require("short", "x@y.test", null, "newPassword"));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        var field = Assert.Single(error.Errors);
        Assert.Equal("/newPassword", field.Pointer);
        Assert.StartsWith("min-length:", field.Message, StringComparison.Ordinal);
        Assert.Contains("min-length", error.Message, StringComparison.Ordinal);
    }
}
