using Microsoft.Playwright;
using MolDash.Browser.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Browser.Tests;

/// <summary>
/// Root provisions an organization with its first Admin; the Admin invites a Standard user, who accepts in the
/// browser and sees no admin page (and a clear refusal at an admin address).
/// </summary>
[Collection(DashboardTestGroup.Name)]
public sealed class OrganizationJourneyTests(DashboardFixture dashboard)
{
    private const string GracePassword = "grace-browser-pass-42";

    [Fact]
    public async Task RootProvisionsAnOrgWhoseAdminInvitesAStandardUserWhoCannotReachAdminPages()
    {
        var name = $"Acme {Guid.NewGuid():N}"[..13];
        var adminEmail = $"ada-{Guid.NewGuid():N}@acme.test";
        var graceEmail = $"grace-{Guid.NewGuid():N}@acme.test";

        // Root provisions the org with its first Admin, whose initial password is shown once.
        var root = await dashboard.NewPageAsync();
        await root.SignInAsync(PlatformUnderTest.RootEmail, dashboard.Platform.RootPassword);
        await root.OpenAsync("Organizations");
        // The form is open on a platform without orgs, folded away once there are some.
        await root.GetByTestId("orgs-table").WaitForAsync();
        if (!await root.GetByLabel("Name", new() { Exact = true }).IsVisibleAsync())
        {
            await root.GetByText("Create an organization").ClickAsync();
        }

        await root.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await root.GetByLabel("First Admin's email").FillAsync(adminEmail);
        await root.GetByLabel("First Admin's name").FillAsync("Ada");
        await root.GetByRole(AriaRole.Button, new() { Name = "Create organization" }).ClickAsync();
        var initialPassword = await root.GetByTestId("initial-password").InnerTextAsync();
        await Assertions.Expect(root.GetByTestId("orgs-table").GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await root.GetByTestId("orgs-table").GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Assertions.Expect(root.GetByTestId("org-status")).ToContainTextAsync("Active");
        await root.ScreenshotAsync("organization");

        // The Admin signs in with it and invites Grace.
        var admin = await dashboard.NewPageAsync();
        await admin.SignInAsync(adminEmail, initialPassword);
        await Assertions.Expect(admin.Locator(".org-name")).ToHaveTextAsync(name);
        await admin.OpenAsync("Invitations");
        var invite = admin.GetByRole(AriaRole.Form, new() { Name = "Invite a user" });
        await invite.GetByLabel("Email").FillAsync(graceEmail);
        await invite.GetByLabel("Name").FillAsync("Grace");
        await invite.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
        var link = await admin.GetByTestId("invitation-link").GetAttributeAsync("href");
        await Assertions.Expect(admin.GetByTestId("invitations-table")).ToContainTextAsync(graceEmail);
        await admin.ScreenshotAsync("invitations");

        // Grace opens the link, chooses her password and is signed in to the org as a Standard user.
        var grace = await dashboard.NewPageAsync();
        await grace.GotoAsync(link!);
        await grace.GetByLabel("Password").FillAsync(GracePassword);
        await grace.GetByRole(AriaRole.Button, new() { Name = "Accept and sign in" }).ClickAsync();
        await Assertions.Expect(grace.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Welcome");
        var navigation = grace.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Jobs" })).ToBeVisibleAsync();
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Tasks" })).ToBeVisibleAsync();
        foreach (var adminPage in new[] { "Users", "Invitations", "Audit log", "Result cache", "Task services", "Settings and quotas", "Organizations", "Orleans Dashboard ↗" })
        {
            await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = adminPage })).ToHaveCountAsync(0);
        }

        // Typing an admin page's address is refused, saying what it needs.
        await grace.GotoAsync("/#/admin/users");
        await Assertions.Expect(grace.GetByRole(AriaRole.Alert)).ToContainTextAsync("needs the user.manage permission");
        await grace.ScreenshotAsync("refused");

        // The Admin sees Grace among the org's users.
        await admin.OpenAsync("Users");
        await Assertions.Expect(admin.GetByTestId("users-table")).ToContainTextAsync(graceEmail);
        await admin.ScreenshotAsync("users");
    }
}
