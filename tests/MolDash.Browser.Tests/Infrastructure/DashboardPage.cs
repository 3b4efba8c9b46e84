using Microsoft.Playwright;
using MolDash.Testing;

namespace MolDash.Browser.Tests.Infrastructure;

/// <summary>What a person does on every visit: open the dashboard, sign in, follow the navigation; and screenshots of what they saw.</summary>
public static class DashboardPage
{
    /// <summary>Where screenshots go: MOLDASH_SCREENSHOTS, else TestResults/screenshots beside this test project.</summary>
    public static string ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("MOLDASH_SCREENSHOTS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(RepositoryLayout.Root, "tests", "MolDash.Browser.Tests", "TestResults", "screenshots");

    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
    }

    /// <summary>Follows a link of the main navigation.</summary>
    public static async Task OpenAsync(this IPage page, string navigationLabel)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })
            .GetByRole(AriaRole.Link, new() { Name = navigationLabel, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync();
    }

    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });
    }
}
