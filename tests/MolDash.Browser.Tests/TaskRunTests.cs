using Microsoft.Playwright;
using MolDash.Browser.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Browser.Tests;

/// <summary>An Admin registers the echo task from its running service, publishes it, and runs it from its generated form.</summary>
[Collection(DashboardTestGroup.Name)]
public sealed class TaskRunTests(DashboardFixture dashboard) : IAsyncLifetime
{
    private EchoService echo = null!;

    public async Task InitializeAsync() => echo = await EchoService.StartAsync("echo-browser");

    public async Task DisposeAsync() => await echo.DisposeAsync();

    [Fact]
    public async Task AnAdminRegistersATaskRunsItFromItsFormAndWatchesItCompleteLive()
    {
        var org = await OrgWithAdmin.CreateAsync(dashboard, "Tasks");
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync(org.AdminEmail, OrgWithAdmin.AdminPassword);

        await page.OpenAsync("Tasks");
        await page.GetByText("Register a task from its service").ClickAsync();
        var register = page.GetByRole(AriaRole.Form, new() { Name = "Register a task" });
        await register.GetByLabel("OpenAPI document URL").FillAsync(new Uri(echo.Address, "/openapi.json").ToString());
        await register.GetByLabel("Name", new() { Exact = true }).FillAsync("echo");
        await register.GetByLabel("Version", new() { Exact = true }).FillAsync("1.0.0");
        await register.GetByLabel("Container image").FillAsync("moldash/echo:1");
        await register.GetByLabel("Category").FillAsync("testing");
        await register.GetByRole(AriaRole.Button, new() { Name = "Register task" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("echo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.Locator(".badge.status-published").First).ToBeVisibleAsync();
        await page.GetByLabel("Instance address").FillAsync(echo.Address.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Register instance" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("service-instances")).ToContainTextAsync(echo.Address.ToString().TrimEnd('/'));

        // The form comes from the task's OpenAPI schema; the validate endpoint checks it as the Admin types.
        var message = page.GetByLabel("Message");
        await message.FillAsync("x");
        await message.FillAsync("");
        await Assertions.Expect(page.Locator("[data-field=message] .field-error")).ToBeVisibleAsync();
        await page.GetByLabel("Delay ms").FillAsync("700");
        await message.FillAsync("hello from the browser");
        await Assertions.Expect(page.GetByTestId("validation-state")).ToContainTextAsync("valid");
        await page.ScreenshotAsync("task-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run task" }).ClickAsync();

        // The job page follows the run live until it has succeeded.
        await Assertions.Expect(page.GetByTestId("job-status")).ToContainTextAsync("Succeeded", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("job-timeline").Locator("li[data-kind=succeeded]")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("job-results")).ToContainTextAsync("hello from the browser");
        await Assertions.Expect(page.Locator(".live-indicator.on")).ToBeVisibleAsync();
        await page.ScreenshotAsync("job");

        await page.OpenAsync("Jobs");
        await Assertions.Expect(page.GetByTestId("jobs-table")).ToContainTextAsync("echo@1.0.0");
        await page.ScreenshotAsync("jobs");
    }

    [Fact]
    public async Task AMemberRunsABatchOverAnUploadedLigandFileAndFindsItByItsFilters()
    {
        var org = await OrgWithAdmin.CreateAsync(dashboard, "Batches");
        await org.AddEchoTaskAsync(dashboard, echo);
        var library = Path.Combine(Path.GetTempPath(), $"ligands-{Guid.NewGuid():N}.smi");
        await File.WriteAllTextAsync(library, "CCO ethanol\nc1ccccc1 benzene\nCC(=O)Oc1ccccc1C(=O)O aspirin\n");
        var member = await org.AddMemberAsync(dashboard, "standard", "member-browser-pass-7");
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync(member, "member-browser-pass-7");

        try
        {
            await page.GotoAsync("/#/tasks/echo/1.0.0");
            await page.GetByLabel("Ligand file", new() { Exact = true }).SetInputFilesAsync(library);
            await Assertions.Expect(page.GetByLabel("Each molecule goes into")).ToHaveValueAsync("message");
            await page.GetByRole(AriaRole.Button, new() { Name = "Run batch" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("job-status")).ToContainTextAsync("Succeeded", new() { Timeout = 30_000 });
        }
        finally
        {
            File.Delete(library);
        }

        // One item per molecule, each echoing its SMILES.
        await Assertions.Expect(page.GetByTestId("job-progress")).ToContainTextAsync("3/3 nodes done");
        await Assertions.Expect(page.GetByTestId("job-results").Locator("tbody > tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("job-results")).ToContainTextAsync("CC(=O)Oc1ccccc1C(=O)O");

        await page.OpenAsync("Jobs");
        await page.GetByLabel("Kind").SelectOptionAsync("Batch");
        await Assertions.Expect(page.GetByTestId("jobs-table").Locator("tbody > tr")).ToHaveCountAsync(1);
        await page.GetByLabel("Status").SelectOptionAsync("Failed");
        await Assertions.Expect(page.GetByTestId("jobs-empty")).ToBeVisibleAsync();
    }
}
