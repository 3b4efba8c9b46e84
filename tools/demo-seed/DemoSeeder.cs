using System.Net;
using System.Text.Json;

namespace MolDash.DemoSeed;

/// <summary>
/// Seeds a demo organization through the public REST API, as Root and its Admin would: an Admin and a
/// Standard chemist, the docking service's tasks, a published docking pipeline, the 1UW6 receptor and a
/// first docking run over a few ligands. Every step looks before it acts, so running it again changes nothing
/// (the run again is answered from the cache).
/// </summary>
public sealed class DemoSeeder(DemoSeedSettings settings, TextWriter progress)
{
    private const int LigandsInDemoRun = 3;
    private static readonly string[] DemoTags = ["demo"];
    private static readonly TimeSpan ProvisioningWait = TimeSpan.FromMinutes(2);

    public async Task<DemoSeedResult> SeedAsync()
    {
        Guid orgId;
        using (var root = PlatformClient.For(settings.Api, await LoginAsync(settings.RootEmail, settings.RootPassword)))
        {
            orgId = await EnsureOrgAsync(root);
            await EnsureUserAsync(root, orgId, DemoSeedSettings.AdminEmail, "Demo Admin", settings.AdminPassword, "admin");
            await EnsureUserAsync(root, orgId, DemoSeedSettings.MemberEmail, "Demo Chemist", settings.MemberPassword, "standard");
        }

        using (var admin = PlatformClient.For(settings.Api, await LoginAsync(DemoSeedSettings.AdminEmail, settings.AdminPassword, orgId)))
        {
            foreach (var (task, operation, description) in DockingDemo.Tasks)
            {
                await EnsureTaskAsync(admin, task, operation, description);
            }

            await EnsurePipelineAsync(admin);
        }

        using var member = PlatformClient.For(settings.Api, await LoginAsync(DemoSeedSettings.MemberEmail, settings.MemberPassword, orgId));
        var (jobId, cache) = await RunDemoAsync(member);
        return new DemoSeedResult(orgId, jobId, cache);
    }

    private async Task<string> LoginAsync(string email, string password, Guid? orgId = null)
    {
        using var anonymous = PlatformClient.For(settings.Api);
        return await anonymous.LoginAsync(email, password, orgId);
    }

    private async Task<Guid> EnsureOrgAsync(PlatformClient root)
    {
        var org = await FindOrgAsync(root);
        if (org is null)
        {
            progress.WriteLine($"creating the organization {DemoSeedSettings.OrgName}");
            org = await root.PostAsync("orgs", new { name = DemoSeedSettings.OrgName }, "create the demo organization");
        }

        var id = org!.Value.GetProperty("id").GetGuid();
        var deadline = DateTimeOffset.UtcNow + ProvisioningWait;
        while ((await root.GetAsync($"orgs/{id}")).GetProperty("status").GetString() != "Active")
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new SeedFailedException($"The demo organization {id} is not Active after {ProvisioningWait}; see GET /api/v1/orgs/{id}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        return id;
    }

    private static async Task<JsonElement?> FindOrgAsync(PlatformClient root)
    {
        string? after = null;
        do
        {
            var page = await root.GetAsync(after is null ? "orgs?limit=200" : $"orgs?limit=200&after={Uri.EscapeDataString(after)}");
            foreach (var org in page.GetProperty("items").EnumerateArray())
            {
                if (org.GetProperty("name").GetString() == DemoSeedSettings.OrgName)
                {
                    return org;
                }
            }

            after = page.TryGetProperty("nextCursor", out var cursor) ? cursor.GetString() : null;
        }
        while (after is not null);
        return null;
    }

    private async Task EnsureUserAsync(PlatformClient root, Guid orgId, string email, string displayName, string password, string role)
    {
        var created = await root.PostAsync(
            $"orgs/{orgId}/users", new { email, displayName, password, roles = new[] { role } }, $"add {email}", HttpStatusCode.Conflict);
        if (created is not null)
        {
            progress.WriteLine($"added {email} ({role})");
        }
    }

    private async Task EnsureTaskAsync(PlatformClient admin, string task, string operation, string description)
    {
        var path = $"tasks/{task}/versions/{DockingDemo.Version}";
        var existing = await admin.FindAsync(path);
        if (existing is null)
        {
            progress.WriteLine($"registering the task {task} from {settings.DockingService}");
            existing = await admin.PostAsync("tasks/import", new
            {
                url = new Uri(settings.DockingService, "/openapi.json").ToString(),
                name = task,
                version = DockingDemo.Version,
                description,
                category = "docking",
                tags = DemoTags,
                operationId = operation,
                deployment = new { image = "moldash/docking:1.0.0", cpu = 2, maxAttempts = 2, timeoutSeconds = 600, deterministic = true },
            }, $"register the task {task}");
        }

        if (existing!.Value.GetProperty("status").GetString() == "Draft")
        {
            await admin.PostAsync($"{path}/publish", null, $"publish the task {task}");
        }

        await admin.PostAsync($"{path}/service/instances", new { address = settings.DockingService.ToString() }, $"serve {task} from the docking service", HttpStatusCode.Conflict);
    }

    private async Task EnsurePipelineAsync(PlatformClient admin)
    {
        var path = $"pipelines/{DockingDemo.PipelineName}/versions/{DockingDemo.Version}";
        if (await admin.FindAsync(path) is not { } version)
        {
            progress.WriteLine($"building the pipeline {DockingDemo.PipelineName}");
            await admin.PostAsync("pipelines", DockingDemo.Pipeline(), "create the demo pipeline");
            version = await admin.GetAsync(path);
        }

        if (version.GetProperty("status").GetString() == "Draft")
        {
            await admin.PostAsync($"{path}/publish", null, "publish the demo pipeline");
        }
    }

    private async Task<(Guid JobId, string Cache)> RunDemoAsync(PlatformClient member)
    {
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        var receptor = await member.UploadAsync("1uw6-receptor.pdb", await File.ReadAllBytesAsync(Path.Combine(data, "1uw6-receptor.pdb")));
        var items = (await File.ReadAllLinesAsync(Path.Combine(data, "ligands-small.csv"))).Skip(1).Take(LigandsInDemoRun)
            .Select(line => new { ligand = line.Split(',')[1] })
            .ToArray();
        var run = await member.PostAsync(
            $"pipelines/{DockingDemo.PipelineName}/versions/{DockingDemo.Version}/batches",
            new { inputs = new { receptor = $"artifact:{receptor.GetProperty("id").GetGuid()}" }, items },
            "start the demo docking run");
        var jobId = run!.Value.GetProperty("job").GetProperty("jobId").GetGuid();
        var cache = run.Value.GetProperty("cache").GetString() ?? "Miss";
        progress.WriteLine($"demo docking run: job {jobId} ({cache})");
        return (jobId, cache);
    }
}
