using System.Net.Http.Json;
using Microsoft.Playwright;
using MolDash.Browser.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Browser.Tests;

/// <summary>
/// Signing in to the dashboard through an OpenID Connect provider Root configured through the API: a real
/// provider (OpenIddict) on loopback whose sign-in page asks for the email.
/// </summary>
[Collection(DashboardTestGroup.Name)]
public sealed class ProviderSignInTests(DashboardFixture dashboard) : IAsyncLifetime
{
    private const string DisplayName = "Corporate SSO";
    private static readonly string[] AllowedDomains = ["moldash.test"];
    private readonly string provider = $"sso-{Guid.NewGuid():N}"[..20];
    private TestIdentityProvider identityProvider = null!;

    public async Task InitializeAsync()
    {
        identityProvider = await TestIdentityProvider.StartAsync(
            new Uri(dashboard.Platform.ApiAddress, $"/api/v1/auth/external/{provider}/callback").ToString());
        using var root = dashboard.Platform.CreateClient(dashboard.RootToken);
        using var created = await root.PostAsJsonAsync("/api/v1/identity-providers", new
        {
            name = provider,
            displayName = DisplayName,
            authority = identityProvider.Authority.ToString(),
            clientId = TestIdentityProvider.ClientId,
            clientSecret = TestIdentityProvider.ClientSecret,
            allowedDomains = AllowedDomains,
        });
        created.EnsureSuccessStatusCode();
    }

    /// <summary>The provider goes with its test, so the sign-in page of the next one shows only its own.</summary>
    public async Task DisposeAsync()
    {
        using (var root = dashboard.Platform.CreateClient(dashboard.RootToken))
        {
            (await root.DeleteAsync($"/api/v1/identity-providers/{provider}")).EnsureSuccessStatusCode();
        }

        await identityProvider.DisposeAsync();
    }

    [Fact]
    public async Task AMemberSignsInThroughTheProviderWithTheKeyboardAndLandsOnThePageTheyOpened()
    {
        var org = await OrgWithAdmin.CreateAsync(dashboard, "Sso");
        identityProvider.AddUser(org.AdminEmail);
        var page = await dashboard.NewPageAsync();

        await page.GotoAsync("/#/admin/users");
        var button = page.GetByRole(AriaRole.Link, new() { Name = $"Sign in with {DisplayName}" });
        await Assertions.Expect(button).ToBeVisibleAsync();
        await page.ScreenshotAsync("login-with-provider");
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await SignInAtProviderAsync(page, org.AdminEmail);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Users" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("users-table")).ToContainTextAsync(org.AdminEmail);
        await Assertions.Expect(page.Locator(".topbar")).ToContainTextAsync(org.Name);
        Assert.EndsWith("#/admin/users", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIdentityWithoutAnAccountIsToldWhyOnTheSignInPage()
    {
        var email = $"stranger-{Guid.NewGuid():N}@moldash.test";
        identityProvider.AddUser(email);
        var page = await dashboard.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Sign in with {DisplayName}" }).ClickAsync();
        await SignInAtProviderAsync(page, email);

        await Assertions.Expect(page.GetByTestId("external-sign-in-error"))
            .ToContainTextAsync($"No MolDash account has the email {email}: ask an Admin of your organization to add you");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Password")).ToBeVisibleAsync();
        await page.ScreenshotAsync("login-provider-refused");
    }

    /// <summary>The test provider's sign-in page: the email of the account there.</summary>
    private static async Task SignInAtProviderAsync(IPage page, string email)
    {
        await page.GetByLabel("Email at the provider").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }
}
