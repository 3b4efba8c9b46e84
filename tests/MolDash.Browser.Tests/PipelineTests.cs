using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MolDash.Browser.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Browser.Tests;

/// <summary>
/// Pipelines in the dashboard: an Admin builds one in the visual builder from registered tasks (seeing an
/// incompatible connection flagged by the platform), validates and publishes it; a Standard member finds it in
/// the catalog, explains its signature and runs it, and never sees the builder; a docking job's poses in 3D.
/// </summary>
[Collection(DashboardTestGroup.Name)]
public sealed partial class PipelineTests(DashboardFixture dashboard) : IAsyncLifetime
{
    /// <summary>The 1UW6 complex's search box (around its nicotine), as tools/demo-seed docks it.</summary>
    private static readonly object BoxCenter = new { x = 83.686, y = 69.618, z = -10.349 };
    private static readonly object BoxSize = new { x = 20, y = 20, z = 20 };

    private EchoService echo = null!;

    public async Task InitializeAsync() => echo = await EchoService.StartAsync("echo-pipelines");

    public async Task DisposeAsync() => await echo.DisposeAsync();

    [Fact]
    public async Task AnAdminBuildsAndPublishesAPipelineAMemberFindsAndRunsIt()
    {
        var org = await PipelineOrg.CreateAsync(dashboard);
        await TaskRegistration.AddTaskAsync(dashboard.Platform, org.AdminToken, echo.Address, "echo", operationId: null);
        var name = $"greet-{Guid.NewGuid():N}"[..14];

        var admin = await dashboard.NewPageAsync(1440, 1000);
        await admin.SignInAsync(org.AdminEmail, PipelineOrg.Password);
        await admin.OpenAsync("Pipeline builder");
        await admin.Locator("#pb-name").FillAsync(name);
        await admin.Locator("#pb-description").FillAsync("Echoes a greeting twice");
        await admin.Locator("#pb-category").FillAsync("greetings");
        foreach (var node in new[] { "first", "second" })
        {
            await admin.Locator("#pb-task").SelectOptionAsync("echo@1.0.0");
            await admin.Locator("#pb-node-id").FillAsync(node);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Add node" }).ClickAsync();
        }

        // A date-time into an integer: the platform's validation flags the connection.
        await ConnectAsync(admin, "first", "/echoedAt", "second", "/delayMs");
        await admin.Locator("#pb-input-name").FillAsync("message");
        await admin.Locator("#pb-expose-node").SelectOptionAsync("first");
        await admin.Locator("#pb-expose-pointer").SelectOptionAsync("/message");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Expose input" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("builder-edges").Locator("li.incompatible")).ToContainTextAsync("does not fit");
        await Assertions.Expect(admin.Locator("[data-testid=pipeline-dag] .dag-link.problem")).ToHaveCountAsync(1);
        await admin.ScreenshotAsync("pipeline-builder-incompatible");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Remove connection first to second/delayMs" }).ClickAsync();
        await ConnectAsync(admin, "first", "/message", "second", "/message");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Validate" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("validation-state")).ToHaveTextAsync("No problems.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".banner.ok").Filter(new() { HasText = "saved" })).ToContainTextAsync("it has no problems");
        await admin.ScreenshotAsync("pipeline-builder");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();

        await Assertions.Expect(admin.GetByTestId("pipeline-versions")).ToContainTextAsync("Published");
        await Assertions.Expect(admin).ToHaveURLAsync(new Regex($"#/pipelines/{name}/versions/1\\.0\\.0$"));
        await Assertions.Expect(admin.Locator("[data-testid=pipeline-dag] .dag-node")).ToHaveCountAsync(2);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Make the draft" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Version 1.1.0 Draft" })).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Show the differences" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("pipeline-diff")).ToContainTextAsync("the same graph");

        var member = await dashboard.NewPageAsync(1440, 1000);
        await member.SignInAsync(org.MemberEmail, PipelineOrg.Password);
        await member.OpenAsync("Pipelines");
        await Assertions.Expect(member.GetByRole(AriaRole.Link, new() { Name = "New pipeline" })).ToHaveCountAsync(0);
        await member.GetByLabel("Search").FillAsync(name);
        await member.GetByLabel("Search").PressAsync("Enter");
        var entry = member.Locator($"[data-pipeline={name}]");
        await Assertions.Expect(entry).ToContainTextAsync("Echoes a greeting twice");
        await Assertions.Expect(entry).ToContainTextAsync("echo@1.0.0");
        await member.ScreenshotAsync("pipeline-catalog");
        await entry.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();

        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByTestId("pipeline-admin")).ToHaveCountAsync(0);
        await member.GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true }).ClickAsync();
        await Assertions.Expect(member.Locator("#run-message-error")).ToContainTextAsync("required");

        await member.Locator("#run-message").FillAsync("hello from the dashboard");
        await member.GetByRole(AriaRole.Button, new() { Name = "Explain the signature" }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("signature")).ToContainTextAsync("echo@1.0.0");
        await member.ScreenshotAsync("pipeline-run-form");
        await member.GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true }).ClickAsync();

        await Assertions.Expect(member).ToHaveURLAsync(new Regex("#/jobs/[0-9a-f-]{36}\\?cache=Created"));
        var jobId = JobIdPattern().Match(member.Url).Groups[1].Value;
        using var client = dashboard.Platform.CreateClient(org.MemberToken);
        var job = await ResourcePolling.UntilAsync(client, $"/api/v1/jobs/{jobId}", view => view.GetProperty("status").GetString() == "Succeeded", TimeSpan.FromMinutes(1));
        Assert.Equal($"{name}@1.0.0", job.GetProperty("target").GetString());
        await Assertions.Expect(member.GetByText("A new job was started")).ToBeVisibleAsync();

        // A library file becomes a batch: one item per line, previewed as structures.
        await member.GotoAsync($"/#/pipelines/{name}");
        await member.GetByText("Run over a ligand library (batch)").ClickAsync();
        await member.GetByLabel("Library file").SetInputFilesAsync(new FilePayload { Name = "library.smi", MimeType = "text/plain", Buffer = "CCO ethanol\nc1ccccc1O phenol\n"u8.ToArray() });
        await Assertions.Expect(member.GetByTestId("library-preview").Locator("md-smiles[data-state=drawn]")).ToHaveCountAsync(2);
        await member.GetByRole(AriaRole.Button, new() { Name = "Run a batch of 2" }).ClickAsync();
        await Assertions.Expect(member).ToHaveURLAsync(new Regex("#/jobs/[0-9a-f-]{36}\\?cache=Created"));
        var batchId = JobIdPattern().Match(member.Url).Groups[1].Value;
        var batch = await ResourcePolling.UntilAsync(client, $"/api/v1/jobs/{batchId}", view => view.GetProperty("status").GetString() == "Succeeded", TimeSpan.FromMinutes(1));
        Assert.Equal(2, batch.GetProperty("progress").GetProperty("items").GetProperty("succeeded").GetInt32());

        await member.GotoAsync("/#/pipeline-builder");
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ThePoseViewerShowsADockedLigandInItsReceptorAndSwitchesPosesAndStyles()
    {
        var org = await PipelineOrg.CreateAsync(dashboard);
        await using var docking = await DockingService.StartAsync();
        foreach (var (task, operation) in new[] { ("prepare-receptor", "prepareReceptor"), ("prepare-ligand", "prepareLigand"), ("dock", "dock"), ("properties", "properties") })
        {
            await TaskRegistration.AddTaskAsync(dashboard.Platform, org.AdminToken, docking.Address, task, operation, maxAttempts: 2);
        }

        var jobId = await DockOneLigandAsync(org);

        var page = await dashboard.NewPageAsync(1440, 1000);
        await page.SignInAsync(org.MemberEmail, PipelineOrg.Password);
        await page.GotoAsync($"/#/jobs/{jobId}");
        await page.GetByTestId("open-poses").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"#/jobs/{jobId}/poses"));
        var viewer = page.Locator("md-pose-viewer[data-rendered=true]");
        await Assertions.Expect(viewer).ToHaveAttributeAsync("data-pose", "1", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("pose-table").Locator("tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("md-smiles[data-state=drawn]").First).ToBeVisibleAsync();
        Assert.True(await DrawnShareAsync(page) > 0.02, "the 3D view drew nothing");
        await ViewportScreenshotAsync(page, "pose-viewer-cartoon");

        await page.GetByRole(AriaRole.Button, new() { Name = "Show pose 2" }).ClickAsync();
        await Assertions.Expect(page.Locator("md-pose-viewer")).ToHaveAttributeAsync("data-pose", "2");
        await Assertions.Expect(page.GetByTestId("pose-table").Locator("tr.selected")).ToHaveAttributeAsync("data-rank", "2");
        await page.Locator("md-pose-viewer select[name=pose]").SelectOptionAsync("3");
        await Assertions.Expect(page.Locator("md-pose-viewer")).ToHaveAttributeAsync("data-pose", "3");
        Assert.Contains("rank=3", page.Url, StringComparison.Ordinal);

        await page.Locator("md-pose-viewer select[name=ligand-style]").SelectOptionAsync("spheres");
        await page.Locator("md-pose-viewer select[name=receptor-style]").SelectOptionAsync("surface");
        await Assertions.Expect(page.Locator("md-pose-viewer")).ToHaveAttributeAsync("data-rendered", "true", new() { Timeout = 60_000 });
        Assert.True(await DrawnShareAsync(page) > 0.05, "the receptor's surface was not drawn");
        await ViewportScreenshotAsync(page, "pose-viewer-surface");
    }

    private static async Task ConnectAsync(IPage page, string from, string output, string to, string input)
    {
        await page.Locator("#pb-from").SelectOptionAsync(from);
        await page.Locator("#pb-from-pointer").SelectOptionAsync(output);
        await page.Locator("#pb-to").SelectOptionAsync(to);
        await page.Locator("#pb-to-pointer").SelectOptionAsync(input);
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();
    }

    /// <summary>Publishes prepare receptor → prepare ligand → dock → properties and docks nicotine into 1UW6 as the member; the finished job's id.</summary>
    private async Task<Guid> DockOneLigandAsync(PipelineOrg org)
    {
        using var admin = dashboard.Platform.CreateClient(org.AdminToken);
        var graph = DockingPipelineGraph.Create(BoxCenter, BoxSize);
        (await admin.PostAsJsonAsync("/api/v1/pipelines", new { name = "docking", category = "docking", graph })).EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/v1/pipelines/docking/versions/1.0.0/publish", null)).EnsureSuccessStatusCode();

        using var member = dashboard.Platform.CreateClient(org.MemberToken);
        using var receptor = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(RepositoryLayout.SharedData, "complexes", "1UW6_NCT", "receptor.pdb")));
        receptor.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var uploaded = await member.PostAsync("/api/v1/artifacts?fileName=receptor.pdb", receptor);
        uploaded.EnsureSuccessStatusCode();
        var receptorId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var run = await member.PostAsJsonAsync("/api/v1/pipelines/docking/versions/1.0.0/runs", new { inputs = new { receptor = $"artifact:{receptorId}", ligand = "CN1CCC[C@H]1c1cccnc1" } });
        run.EnsureSuccessStatusCode();
        var jobId = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job").GetProperty("jobId").GetGuid();
        var job = await ResourcePolling.UntilAsync(member, $"/api/v1/jobs/{jobId}", view => view.GetProperty("status").GetString() is "Succeeded" or "Failed", TimeSpan.FromMinutes(3));
        Assert.True(job.GetProperty("status").GetString() == "Succeeded", job.ToString());
        return jobId;
    }

    /// <summary>
    /// A screenshot of what fits the window: a full-page one resizes the window, which makes the 3D view draw its scene
    /// again, slowly in software WebGL.
    /// </summary>
    private static async Task ViewportScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(DashboardPage.ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardPage.ScreenshotFolder, $"{name}.png"), Timeout = 60_000 });
    }

    /// <summary>The share of the 3D view's pixels that are not background, from a screenshot of it decoded in the page.</summary>
    private static async Task<double> DrawnShareAsync(IPage page)
    {
        var png = await page.GetByTestId("pose-canvas").ScreenshotAsync();
        return await page.EvaluateAsync<double>(
            """
            async (base64) => {
              const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
              const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
              const canvas = new OffscreenCanvas(image.width, image.height);
              const context = canvas.getContext('2d');
              context.drawImage(image, 0, 0);
              const pixels = context.getImageData(0, 0, image.width, image.height).data;
              let drawn = 0;
              for (let i = 0; i < pixels.length; i += 4) {
                if (pixels[i] < 235 || pixels[i + 1] < 235 || pixels[i + 2] < 235) drawn++;
              }
              return drawn / (image.width * image.height);
            }
            """, Convert.ToBase64String(png));
    }

    [GeneratedRegex("#/jobs/([0-9a-f-]{36})")]
    private static partial Regex JobIdPattern();
}
