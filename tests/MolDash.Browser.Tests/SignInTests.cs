using System.Net.Http.Json;
using Microsoft.Playwright;
using MolDash.Browser.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Browser.Tests;

[Collection(DashboardTestGroup.Name)]
public sealed class SignInTests(DashboardFixture dashboard)
{
    [Fact]
    public async Task RootSignsInAndSeesTheOrganizations()
    {
        var name = $"Signin Org {Guid.NewGuid():N}";
        using (var root = dashboard.Platform.CreateClient(dashboard.RootToken))
        {
            using var created = await root.PostAsJsonAsync("/api/v1/orgs", new { name });
            created.EnsureSuccessStatusCode();
        }

        var page = await dashboard.NewPageAsync();
        await page.SignInAsync(PlatformUnderTest.RootEmail, dashboard.Platform.RootPassword);
        await page.OpenAsync("Organizations");

        await Assertions.Expect(page.GetByTestId("orgs-table").GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await page.ScreenshotAsync("organizations");
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithTheApisReason()
    {
        var page = await dashboard.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Email").FillAsync(PlatformUnderTest.RootEmail);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is not correct.");
    }
}
