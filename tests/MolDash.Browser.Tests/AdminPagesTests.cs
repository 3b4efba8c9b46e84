using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using MolDash.Browser.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Browser.Tests;

/// <summary>
/// The admin pages, one focused test each: the audit log filtered and exported, the result cache's entries managed,
/// task services with their instances' health, an org's quotas set by Root and shown to its Admin, and Root's
/// identity providers (whose client secret never comes back). What a test's subject does not cover is set up through the API.
/// </summary>
[Collection(DashboardTestGroup.Name)]
public sealed class AdminPagesTests(DashboardFixture dashboard)
{
    [Fact]
    public async Task AnAdminFiltersTheAuditLogByActionAndExportsExactlyWhatIsShown()
    {
        var org = await OrgWithAdmin.CreateAsync(dashboard, "Audit");
        var member = await org.AddMemberAsync(dashboard, "standard", "audit-member-pass-1");
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync(org.AdminEmail, OrgWithAdmin.AdminPassword);
        await page.OpenAsync("Audit log");
        var table = page.GetByTestId("audit-table");
        await Assertions.Expect(table).ToContainTextAsync("auth.login");

        var filter = page.GetByRole(AriaRole.Search, new() { Name = "Filter the audit log" });
        await filter.GetByLabel("Action").FillAsync("user.create");
        await filter.GetByLabel("Action").PressAsync("Tab");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("action=user\\.create"));
        await Assertions.Expect(table).Not.ToContainTextAsync("auth.login");
        var actions = await table.Locator("tbody tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.NotEmpty(actions);
        Assert.All(actions, action => Assert.Equal("user.create", action));
        await page.ScreenshotAsync("audit");

        var download = await page.RunAndWaitForDownloadAsync(() => filter.GetByRole(AriaRole.Link, new() { Name = "JSON" }).ClickAsync());
        using var exported = JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync()));
        var entries = exported.RootElement.EnumerateArray().ToList();
        Assert.Equal(actions.Count, entries.Count);
        Assert.All(entries, entry => Assert.Equal("user.create", entry.GetProperty("action").GetString()));
        Assert.Contains(entries, entry => entry.GetProperty("details").GetProperty("email").GetString() == member);
    }

    [Fact]
    public async Task AnAdminSeesACacheHitCountedThenSetsTheLifetimePinsAndInvalidatesTheEntry()
    {
        await using var echo = await EchoService.StartAsync("echo-cache-page");
        var org = await OrgWithAdmin.CreateAsync(dashboard, "Cache");
        var token = await org.AddEchoTaskAsync(dashboard, echo);
        var pipeline = $"greet-{Guid.NewGuid():N}"[..14];
        using (var admin = dashboard.Platform.CreateClient(token))
        {
            var graph = new
            {
                nodes = new[] { new { id = "echo", taskName = "echo", taskVersion = "1.0.0" } },
                edges = Array.Empty<object>(),
                inputs = new[] { new { name = "message", targets = new[] { new { nodeId = "echo", pointer = "/message" } } } },
            };
            (await admin.PostAsJsonAsync("/api/v1/pipelines", new { name = pipeline, graph })).EnsureSuccessStatusCode();
            (await admin.PostAsync($"/api/v1/pipelines/{pipeline}/versions/1.0.0/publish", null)).EnsureSuccessStatusCode();
            foreach (var expected in new[] { "Created", "Hit" })
            {
                using var run = await admin.PostAsJsonAsync($"/api/v1/pipelines/{pipeline}/versions/1.0.0/runs", new { inputs = new { message = "cached hello" } });
                run.EnsureSuccessStatusCode();
                var answer = await run.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal(expected, answer.GetProperty("cache").GetString());
                var jobId = answer.GetProperty("job").GetProperty("jobId").GetGuid();
                await ResourcePolling.UntilAsync(admin, $"/api/v1/jobs/{jobId}", view => view.GetProperty("status").GetString() == "Succeeded", TimeSpan.FromMinutes(1));
            }

            // A hit's count reaches the listing a moment later (written once for the hits of about a second).
            await ResourcePolling.UntilAsync(admin, $"/api/v1/cache?pipeline={pipeline}",
                listed => listed.GetProperty("items").EnumerateArray().Any(item => item.GetProperty("hitCount").GetInt64() == 1), TimeSpan.FromSeconds(30));
        }

        var page = await dashboard.NewPageAsync();
        await page.SignInAsync(org.AdminEmail, OrgWithAdmin.AdminPassword);
        await page.OpenAsync("Result cache");
        var entry = page.GetByTestId("cache-table").Locator("tbody tr").Filter(new() { HasText = pipeline });
        await Assertions.Expect(entry.Locator("td:nth-child(3)")).ToHaveTextAsync("1");
        await Assertions.Expect(entry.Locator("td:nth-child(7)")).ToHaveTextAsync("until invalidated");

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync("2");
        await entry.GetByRole(AriaRole.Button, new() { Name = "Lifetime" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Lifetime set." })).ToBeVisibleAsync();
        await Assertions.Expect(entry.Locator("td:nth-child(7)")).Not.ToHaveTextAsync("until invalidated");

        await entry.GetByRole(AriaRole.Button, new() { Name = "Pin", Exact = true }).ClickAsync();
        await Assertions.Expect(entry.Locator("td:nth-child(7)")).ToHaveTextAsync("never (pinned)");
        await Assertions.Expect(entry.GetByRole(AriaRole.Button, new() { Name = "Unpin" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("cache");

        await entry.GetByRole(AriaRole.Button, new() { Name = "Invalidate" }).ClickAsync();
        await Assertions.Expect(entry.Locator("td:nth-child(2)")).ToContainTextAsync("Invalidated");
    }

    [Fact]
    public async Task AnAdminSeesATaskServicesHealthyInstanceAndRemovesIt()
    {
        await using var echo = await EchoService.StartAsync("echo-services-page");
        var org = await OrgWithAdmin.CreateAsync(dashboard, "Services");
        await org.AddEchoTaskAsync(dashboard, echo);
        var address = echo.Address.ToString().TrimEnd('/');

        var page = await dashboard.NewPageAsync();
        await page.SignInAsync(org.AdminEmail, OrgWithAdmin.AdminPassword);
        await page.OpenAsync("Task services");
        var service = page.Locator("details[data-task='echo@1.0.0']");
        await service.Locator("summary").ClickAsync();
        var instance = service.GetByTestId("service-instances").Locator("tbody tr").Filter(new() { HasText = address });
        await Assertions.Expect(instance).ToContainTextAsync("Healthy");
        await Assertions.Expect(instance).ToContainTextAsync("Closed");
        await page.ScreenshotAsync("task-services");

        await instance.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Assertions.Expect(service.GetByTestId("service-instances")).ToContainTextAsync("No instance");
    }

    [Fact]
    public async Task RootChangesAnOrgsQuotasWhichItsAdminSeesAndABadValueIsRefusedBesideItsField()
    {
        var org = await OrgWithAdmin.CreateAsync(dashboard, "Quotas");
        var root = await dashboard.NewPageAsync();
        await root.SignInAsync(PlatformUnderTest.RootEmail, dashboard.Platform.RootPassword);
        await root.GotoAsync($"/#/orgs/{org.Id}");
        var quotas = root.GetByRole(AriaRole.Form, new() { Name = "Quotas" });

        await quotas.GetByLabel("CPU per task replica (cores)").FillAsync("0");
        await quotas.GetByRole(AriaRole.Button, new() { Name = "Save quotas" }).ClickAsync();
        await Assertions.Expect(root.Locator("#quota-maxTaskCpu-error")).ToContainTextAsync("Between 0.1 and 1024 cores");
        await Assertions.Expect(quotas.GetByLabel("CPU per task replica (cores)")).ToHaveAttributeAsync("aria-invalid", "true");

        await quotas.GetByLabel("CPU per task replica (cores)").FillAsync("2");
        await quotas.GetByLabel("Concurrent jobs").FillAsync("3");
        await quotas.GetByLabel("Concurrent jobs").PressAsync("Enter");
        await Assertions.Expect(root.GetByText("Quotas saved; they apply at once.")).ToBeVisibleAsync();
        await root.ScreenshotAsync("org-quotas");

        var admin = await dashboard.NewPageAsync();
        await admin.SignInAsync(org.AdminEmail, OrgWithAdmin.AdminPassword);
        await admin.OpenAsync("Settings and quotas");
        var shown = admin.GetByTestId("quotas");
        await Assertions.Expect(shown.Locator("dt:has-text('Concurrent jobs') + dd")).ToHaveTextAsync("3");
        await Assertions.Expect(shown.Locator("dt:has-text('CPU per task replica') + dd")).ToHaveTextAsync("2 cores");
    }

    [Fact]
    public async Task RootAddsAnIdentityProviderWhoseClientSecretIsNeverShownBack()
    {
        var name = $"idp-{Guid.NewGuid():N}"[..12];
        var secret = $"secret-{Guid.NewGuid():N}";
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync(PlatformUnderTest.RootEmail, dashboard.Platform.RootPassword);
        await page.OpenAsync("Identity providers");
        await page.GetByText("Add an OpenID Connect provider").ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Add an OpenID Connect provider" });
        await form.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await form.GetByLabel("Display name").FillAsync("Acme accounts");
        await form.GetByLabel("Authority").FillAsync("https://login.acme.test/tenant/v2.0");
        await form.GetByLabel("Client id").FillAsync("moldash-dashboard");
        await form.GetByLabel("Client secret").FillAsync(secret);
        await form.GetByLabel("Allowed email domains").FillAsync("acme.test");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add provider" }).ClickAsync();

        var provider = page.GetByTestId("providers-table").Locator("tbody tr").Filter(new() { HasText = name });
        await Assertions.Expect(provider).ToContainTextAsync("moldash-dashboard");
        await Assertions.Expect(provider).ToContainTextAsync("acme.test");
        await Assertions.Expect(form.GetByLabel("Client secret")).ToHaveValueAsync("");
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("identity-providers");

        await page.ReloadAsync();
        await Assertions.Expect(provider).ToBeVisibleAsync();
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
    }
}
