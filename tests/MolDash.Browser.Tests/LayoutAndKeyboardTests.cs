using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using MolDash.Browser.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Browser.Tests;

/// <summary>
/// The pages fit a laptop (1366×768) and a wide screen (1920×1080) without scrolling sideways, and their forms
/// work from the keyboard alone: Tab reaches the submit button, Enter submits, and the API's ProblemDetails
/// appear beside the field they name.
/// </summary>
[Collection(DashboardTestGroup.Name)]
public sealed class LayoutAndKeyboardTests(DashboardFixture dashboard)
{
    private static readonly (int Width, int Height)[] Screens = [(1366, 768), (1920, 1080)];

    [Fact]
    public async Task TheJobPageAndThePipelineBuilderFitALaptopAndAWideScreen()
    {
        await using var echo = await EchoService.StartAsync("echo-layout");
        var org = await OrgWithAdmin.CreateAsync(dashboard, "Layout");
        var token = await org.AddEchoTaskAsync(dashboard, echo);
        Guid jobId;
        using (var admin = dashboard.Platform.CreateClient(token))
        {
            using var run = await admin.PostAsJsonAsync("/api/v1/tasks/echo/versions/1.0.0/runs", new { parameters = new { message = "a wide hello" } });
            run.EnsureSuccessStatusCode();
            jobId = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid();
        }

        foreach (var (width, height) in Screens)
        {
            var page = await dashboard.NewPageAsync(width, height);
            await page.SignInAsync(org.AdminEmail, OrgWithAdmin.AdminPassword);
            await page.GotoAsync($"/#/jobs/{jobId}");
            await Assertions.Expect(page.GetByTestId("job-status")).ToContainTextAsync("Succeeded");
            await Assertions.Expect(page.GetByTestId("job-results")).ToContainTextAsync("a wide hello");
            await AssertFitsAsync(page);
            await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardPage.ScreenshotFolder, $"job-{width}x{height}.png") });

            await page.OpenAsync("Pipeline builder");
            await page.Locator("#pb-task").SelectOptionAsync("echo@1.0.0");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add node" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=pipeline-dag] .dag-node")).ToHaveCountAsync(1);
            await AssertFitsAsync(page);
            await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardPage.ScreenshotFolder, $"pipeline-builder-{width}x{height}.png") });
        }
    }

    [Fact]
    public async Task AnAdminSignsInAndInvitesFromTheKeyboardAndSeesTheApisRefusalBesideTheField()
    {
        var org = await OrgWithAdmin.CreateAsync(dashboard, "Keyboard");
        var page = await dashboard.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Email").FocusAsync();
        await page.Keyboard.TypeAsync(org.AdminEmail);
        await TabUntilAsync(page, "login-password");
        await page.Keyboard.TypeAsync(OrgWithAdmin.AdminPassword);
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();

        await page.OpenAsync("Invitations");
        var invite = page.GetByRole(AriaRole.Form, new() { Name = "Invite a user" });
        // Without an email: the API's 422 names the field, and the page shows it there.
        await invite.GetByLabel("Name").FocusAsync();
        await page.Keyboard.TypeAsync("Kay");
        await TabUntilAsync(page, "Invite");
        await page.Keyboard.PressAsync("Enter");
        var emailError = invite.Locator("#invite-email-error");
        await Assertions.Expect(emailError).ToHaveTextAsync("Email is required.");
        await Assertions.Expect(invite.GetByLabel("Email")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.ScreenshotAsync("invitation-refused");

        var email = $"kay-{Guid.NewGuid():N}@acme.test";
        await invite.GetByLabel("Email").FillAsync(email);
        await invite.GetByLabel("Email").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("invitations-table")).ToContainTextAsync(email);
        await Assertions.Expect(emailError).ToHaveCountAsync(0);
    }

    /// <summary>The page scrolls down only: nothing is wider than the window, and no card's content spills out of it.</summary>
    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than the window at {page.ViewportSize?.Width} px");
        var spilling = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('main .card')].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.querySelector('h2, h3, summary')?.textContent ?? c.className)");
        Assert.True(spilling.Length == 0, $"at {page.ViewportSize?.Width} px these cards' content is wider than they are: {string.Join(", ", spilling)}");
    }

    /// <summary>Presses Tab until the focus is on the element with that id or that text (at most 20 times), as a keyboard user would.</summary>
    private static async Task TabUntilAsync(IPage page, string idOrText)
    {
        for (var i = 0; i < 20; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("() => `${document.activeElement?.id}|${document.activeElement?.textContent?.trim()}`");
            if (focused.Split('|').Contains(idOrText))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {idOrText}");
    }
}
