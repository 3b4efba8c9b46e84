using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MolDash.Docking.Molecules;
using MolDash.Browser.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Browser.Tests;

/// <summary>
/// The whole journey of the dashboard, every step in the browser: Root provisions an organization; its first Admin
/// invites a Standard user (who accepts in the browser), registers the docking task service by its OpenAPI URL,
/// builds a docking pipeline in the visual builder, validates and publishes it, runs it on uploaded molecules,
/// watches the job finish live, opens the poses in 3D and downloads one as SDF; the Standard user, signing in
/// later, reaches no admin page.
/// </summary>
[Collection(DashboardTestGroup.Name)]
public sealed partial class DashboardJourneyTests(DashboardFixture dashboard)
{
    private const string GracePassword = "grace-browser-pass-42";

    /// <summary>The docking service's operations the pipeline uses: task name and operation id.</summary>
    private static readonly (string Task, string Operation)[] DockingTasks =
        [("prepare-receptor", "prepareReceptor"), ("prepare-ligand", "prepareLigand"), ("dock", "dock")];

    /// <summary>A quick Vina search (exhaustiveness 1, at most 3 poses) in the 1UW6 pocket, around its nicotine.</summary>
    private const string DockParameters =
        """{"receptorFormat":"pdbqt","ligandFormat":"pdbqt","center":{"x":83.686,"y":69.618,"z":-10.349},"size":{"x":20,"y":20,"z":20},"exhaustiveness":1,"numModes":3}""";

    private static string Complex => Path.Combine(RepositoryLayout.SharedData, "complexes", "1UW6_NCT");

    [Fact]
    public async Task RootProvisionsAnOrgWhoseAdminDocksALigandThroughABuiltPipelineAndDownloadsAPose()
    {
        await using var docking = await DockingService.StartAsync();
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
        await root.GetByTestId("orgs-table").GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Assertions.Expect(root.GetByTestId("org-status")).ToContainTextAsync("Active");
        await root.ScreenshotAsync("organization");

        // The Admin signs in with it and invites Grace, who accepts in her browser and signs out.
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

        var grace = await dashboard.NewPageAsync();
        await grace.GotoAsync(link!);
        await grace.GetByLabel("Password").FillAsync(GracePassword);
        await grace.GetByRole(AriaRole.Button, new() { Name = "Accept and sign in" }).ClickAsync();
        await Assertions.Expect(grace.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Welcome");
        await grace.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(grace.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();

        // The Admin registers the docking service's operations by its OpenAPI URL, publishes them and serves them from it.
        foreach (var (task, operation) in DockingTasks)
        {
            await RegisterTaskAsync(admin, docking.Address, task, operation);
        }

        await admin.ScreenshotAsync("task-registered");

        // ... builds prepare receptor + prepare ligand → dock in the visual builder, validates and publishes it.
        var pipeline = $"docking-{Guid.NewGuid():N}"[..16];
        await BuildDockingPipelineAsync(admin, pipeline);

        // ... runs it on the shipped 1UW6 receptor and its nicotine, both uploaded here, and watches the job finish live.
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = $"Run {pipeline} 1.0.0" })).ToBeVisibleAsync();
        await admin.Locator("#run-receptor-file").SetInputFilesAsync(Path.Combine(Complex, "receptor.pdb"));
        await Assertions.Expect(admin.Locator("[data-field=receptor] [role=status]")).ToContainTextAsync("Uploaded receptor.pdb (pdb)");
        await admin.Locator("#run-ligand-file").SetInputFilesAsync(Path.Combine(Complex, "ligand_crystal.sdf"));
        await Assertions.Expect(admin.Locator("[data-field=ligand] [role=status]")).ToContainTextAsync("Uploaded ligand_crystal.sdf (sdf)");
        await admin.ScreenshotAsync("pipeline-run-docking");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true }).ClickAsync();
        await Assertions.Expect(admin).ToHaveURLAsync(JobPage());
        await Assertions.Expect(admin.Locator(".live-indicator.on")).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByTestId("job-status")).ToContainTextAsync("Succeeded", new() { Timeout = 180_000 });
        await Assertions.Expect(admin.GetByTestId("job-timeline").Locator("li[data-kind=succeeded]")).ToBeVisibleAsync();
        await admin.ScreenshotAsync("job-docking");

        // ... opens the poses in 3D and downloads the best one: an SDF of the docked nicotine.
        await admin.GetByTestId("open-poses").ClickAsync();
        await Assertions.Expect(admin.Locator("md-pose-viewer[data-rendered=true]")).ToHaveAttributeAsync("data-pose", "1", new() { Timeout = 30_000 });
        await Assertions.Expect(admin.GetByTestId("pose-table").Locator("tbody tr[data-rank='1']")).ToBeVisibleAsync();
        var download = await admin.RunAndWaitForDownloadAsync(() => admin.GetByRole(AriaRole.Button, new() { Name = "Download pose 1 as SDF" }).ClickAsync());
        Assert.EndsWith("-pose-1.sdf", download.SuggestedFilename, StringComparison.Ordinal);
        var pose = await File.ReadAllTextAsync(await download.PathAsync());
        var crystal = await File.ReadAllTextAsync(Path.Combine(Complex, "ligand_crystal.sdf"));
        Assert.Equal(HeavyElements(crystal), HeavyElements(pose));

        // Grace signs in later: she works in the org's Jobs and Tasks, and no admin page is hers.
        await grace.SignInAsync(graceEmail, GracePassword);
        await Assertions.Expect(grace.Locator(".org-name")).ToHaveTextAsync(name);
        var navigation = grace.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Jobs" })).ToBeVisibleAsync();
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Tasks" })).ToBeVisibleAsync();
        foreach (var adminPage in new[] { "Pipeline builder", "Users", "Invitations", "Audit log", "Result cache", "Task services", "Settings and quotas", "Organizations", "Identity providers", "Orleans Dashboard ↗" })
        {
            await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = adminPage })).ToHaveCountAsync(0);
        }

        foreach (var (address, needs) in new[] { ("/#/admin/users", "user.manage"), ("/#/admin/cache", "cache.manage"), ("/#/identity-providers", "the Root role") })
        {
            await grace.GotoAsync(address);
            await Assertions.Expect(grace.GetByRole(AriaRole.Alert)).ToContainTextAsync(needs);
        }

        await grace.ScreenshotAsync("refused");

        // The Admin sees Grace among the org's users.
        await admin.OpenAsync("Users");
        await Assertions.Expect(admin.GetByTestId("users-table")).ToContainTextAsync(graceEmail);
        await admin.ScreenshotAsync("users");
    }

    private static async Task RegisterTaskAsync(IPage admin, Uri service, string task, string operation)
    {
        await admin.OpenAsync("Tasks");
        await admin.GetByText("Register a task from its service").ClickAsync();
        var register = admin.GetByRole(AriaRole.Form, new() { Name = "Register a task" });
        await register.GetByLabel("OpenAPI document URL").FillAsync(new Uri(service, "/openapi.json").ToString());
        await register.GetByLabel("Name", new() { Exact = true }).FillAsync(task);
        await register.GetByLabel("Version", new() { Exact = true }).FillAsync("1.0.0");
        await register.GetByLabel("Container image").FillAsync("moldash/docking:1");
        await register.GetByLabel("Operation").FillAsync(operation);
        await register.GetByLabel("Category").FillAsync("docking");
        await register.GetByLabel("Deterministic").CheckAsync();
        await register.GetByRole(AriaRole.Button, new() { Name = "Register task" }).ClickAsync();

        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(task);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".badge.status-published").First).ToBeVisibleAsync();
        await admin.GetByLabel("Instance address").FillAsync(service.ToString());
        await admin.GetByRole(AriaRole.Button, new() { Name = "Register instance" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("service-instances")).ToContainTextAsync(service.ToString().TrimEnd('/'));
    }

    private static async Task BuildDockingPipelineAsync(IPage admin, string pipeline)
    {
        await admin.OpenAsync("Pipeline builder");
        await admin.Locator("#pb-name").FillAsync(pipeline);
        await admin.Locator("#pb-description").FillAsync("Docks a ligand into a receptor with AutoDock Vina");
        await admin.Locator("#pb-category").FillAsync("docking");
        foreach (var (node, task) in new[] { ("receptor", "prepare-receptor"), ("ligand", "prepare-ligand"), ("dock", "dock") })
        {
            await admin.Locator("#pb-task").SelectOptionAsync($"{task}@1.0.0");
            await admin.Locator("#pb-node-id").FillAsync(node);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Add node" }).ClickAsync();
            await Assertions.Expect(admin.Locator($"[data-testid=builder-nodes] tr[data-node={node}]")).ToBeVisibleAsync();
        }

        await admin.GetByLabel("Fixed parameters of ligand").FillAsync("""{"ligandFormat":"sdf"}""");
        await admin.GetByLabel("Fixed parameters of ligand").BlurAsync();
        await admin.GetByLabel("Fixed parameters of dock").FillAsync(DockParameters);
        await admin.GetByLabel("Fixed parameters of dock").BlurAsync();
        foreach (var from in new[] { "receptor", "ligand" })
        {
            await admin.Locator("#pb-from").SelectOptionAsync(from);
            await admin.Locator("#pb-from-pointer").SelectOptionAsync("/pdbqt");
            await admin.Locator("#pb-to").SelectOptionAsync("dock");
            await admin.Locator("#pb-to-pointer").SelectOptionAsync($"/{from}");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();
        }

        foreach (var input in new[] { "receptor", "ligand" })
        {
            await admin.Locator("#pb-input-name").FillAsync(input);
            await admin.Locator("#pb-expose-node").SelectOptionAsync(input);
            await admin.Locator("#pb-expose-pointer").SelectOptionAsync($"/{input}");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Expose input" }).ClickAsync();
        }

        await admin.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".banner.ok").Filter(new() { HasText = "saved" })).ToContainTextAsync("it has no problems");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Validate" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("validation-state")).ToHaveTextAsync("No problems.");
        await Assertions.Expect(admin.Locator("[data-testid=pipeline-dag] .dag-node")).ToHaveCountAsync(3);
        await admin.ScreenshotAsync("pipeline-builder-docking");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("pipeline-versions")).ToContainTextAsync("Published");
    }

    [GeneratedRegex("#/jobs/[0-9a-f-]{36}")]
    private static partial Regex JobPage();

    /// <summary>The first record's heavy atoms, by element; hydrogens are left out, as docking adds or drops them.</summary>
    private static List<string> HeavyElements(string sdf) =>
        [.. (SdfMolecule.ReadFirst(sdf) ?? throw new InvalidOperationException("not a molfile")).Atoms
            .Select(atom => atom.Element).Where(element => element != "H").Order(StringComparer.Ordinal)];
}
