using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Tests.Infrastructure;
using MolDash.Grains.Tests.Registry;
using Orleans.TestingHost;

namespace MolDash.Grains.Tests.Tasks;

[Collection(ClusterTestGroup.Name)]
public sealed class TaskBundleGrainTests(ClusterFixture fixture)
{
    private readonly TestCluster cluster = fixture.Cluster;

    private static TaskDefinitionDraft Draft(string description = "echoes") => new()
    {
        Description = description,
        Tags = ["text"],
        Document = TaskDocuments.Minimal(),
        Deployment = new TaskDeployment { Image = "example/echo:1", Env = new Dictionary<string, string> { ["B"] = "2", ["A"] = "1" } },
    };

    [Fact]
    public async Task An_exported_bundle_imports_into_another_org_keeping_status_and_identical_versions_are_skipped()
    {
        var source = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(source));
        await Definition(source, "echo", "1.0.0").CreateAsync(Draft());
        await Definition(source, "echo", "1.0.0").PublishAsync();
        await Definition(source, "echo", "1.0.0").CloneAsync("echo", "1.1.0");
        await Definition(source, "other", "2.0.0").CreateAsync(Draft());

        var bundle = await cluster.Client.GetGrain<ITaskBundleGrain>(source).ExportAsync(null, null);
        var single = await cluster.Client.GetGrain<ITaskBundleGrain>(source).ExportAsync("echo", "1.1.0");

        Assert.Equal(TaskBundle.CurrentFormat, bundle.Format);
        Assert.Equal(["echo@1.0.0", "echo@1.1.0", "other@2.0.0"], bundle.Tasks.Select(task => $"{task.Name}@{task.Version}"));
        Assert.Equal("echo@1.1.0", Assert.Single(single.Tasks) is var only ? $"{only.Name}@{only.Version}" : null);

        var target = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(target));
        var first = await cluster.Client.GetGrain<ITaskBundleGrain>(target).ImportAsync(bundle);
        var again = await cluster.Client.GetGrain<ITaskBundleGrain>(target).ImportAsync(bundle);

        Assert.Equal(["echo@1.0.0", "echo@1.1.0", "other@2.0.0"], first.Created);
        Assert.Empty(again.Created);
        Assert.Equal(3, again.Skipped.Count);
        Assert.Equal(TaskDefinitionStatus.Published, (await Definition(target, "echo", "1.0.0").GetAsync()).Status);
        Assert.Equal(TaskDefinitionStatus.Draft, (await Definition(target, "echo", "1.1.0").GetAsync()).Status);
    }

    [Fact]
    public async Task Conflicts_and_invalid_entries_are_reported_together_and_nothing_is_imported()
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        await Definition(org, "echo", "1.0.0").CreateAsync(Draft());
        var entry = Entry("new", "1.0.0");
        var bundle = new TaskBundle
        {
            Tasks =
            [
                entry,
                Entry("echo", "1.0.0") with { Description = "changed" },
                entry with { Name = "bad", Deployment = new TaskDeployment { Image = "", Cpu = 64 } },
                entry,
            ],
        };

        var error = await Assert.ThrowsAsync<MolDashException>(() => cluster.Client.GetGrain<ITaskBundleGrain>(org).ImportAsync(bundle));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal(["/tasks/1", "/tasks/2/deployment/cpu", "/tasks/2/deployment/image", "/tasks/3"], error.Errors.Select(e => e.Pointer).Order(StringComparer.Ordinal));
        Assert.Contains("already exists with different content", error.Errors.Single(e => e.Pointer == "/tasks/1").Message, StringComparison.Ordinal);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<MolDashException>(Definition(org, "new", "1.0.0").GetAsync)).Kind);
    }

    [Fact]
    public async Task Only_conflicts_are_a_409()
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        await Definition(org, "echo", "1.0.0").CreateAsync(Draft());

        var error = await Assert.ThrowsAsync<MolDashException>(() => cluster.Client.GetGrain<ITaskBundleGrain>(org)
            .ImportAsync(new TaskBundle { Tasks = [Entry("echo", "1.0.0") with { Description = "changed" }] }));

        Assert.Equal((ErrorKind.Conflict, "/tasks/0"), (error.Kind, Assert.Single(error.Errors).Pointer));
    }

    [Fact]
    public async Task A_create_that_fails_midway_rolls_back_what_the_import_made()
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        // Someone creates the bundle's last version while the import creates the others: the import's
        // check saw it free, its create is refused, and everything the import made is removed again.
        var bundle = new TaskBundle { Tasks = [.. Enumerable.Range(0, 20).Select(i => Entry($"t{i}", "1.0.0")), Entry("late", "1.0.0")] };
        var import = cluster.Client.GetGrain<ITaskBundleGrain>(org).ImportAsync(bundle);
        await Definition(org, "late", "1.0.0").CreateAsync(Draft("someone else's"));

        var outcome = await Record.ExceptionAsync(() => import);

        // Should the import win the race, the other create failed instead and there is nothing to roll back;
        // should the other create come before the import's check, the import refuses up front. Either way
        // the org never holds part of the bundle.
        if (outcome is not null)
        {
            Assert.Equal(ErrorKind.Conflict, Assert.IsType<MolDashException>(outcome).Kind);
            Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<MolDashException>(Definition(org, "t0", "1.0.0").GetAsync)).Kind);
            Assert.Null(ClusterFixture.TaskCatalog.Row(org, "t19", "1.0.0"));
            Assert.Equal("someone else's", (await Definition(org, "late", "1.0.0").GetAsync()).Description);
        }
    }

    [Fact]
    public async Task A_rollback_removes_only_versions_made_by_that_import()
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var importId = Guid.NewGuid();
        await Definition(org, "mine", "1.0.0").CreateImportedAsync(Draft(), TaskDefinitionStatus.Published, null, importId);
        await Definition(org, "theirs", "1.0.0").CreateAsync(Draft());

        await Definition(org, "mine", "1.0.0").DiscardImportAsync(Guid.NewGuid());
        await Definition(org, "theirs", "1.0.0").DiscardImportAsync(importId);
        Assert.Equal(TaskDefinitionStatus.Published, (await Definition(org, "mine", "1.0.0").GetAsync()).Status);

        await Definition(org, "mine", "1.0.0").DiscardImportAsync(importId);

        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<MolDashException>(Definition(org, "mine", "1.0.0").GetAsync)).Kind);
        Assert.Null(ClusterFixture.TaskCatalog.Row(org, "mine", "1.0.0"));
        Assert.NotNull(await Definition(org, "theirs", "1.0.0").GetAsync());
    }

    [Fact]
    public async Task A_standard_member_can_neither_export_nor_import()
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.StandardOf(org));

        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<MolDashException>(() => cluster.Client.GetGrain<ITaskBundleGrain>(org).ExportAsync(null, null))).Kind);
        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<MolDashException>(() => cluster.Client.GetGrain<ITaskBundleGrain>(org).ImportAsync(new TaskBundle()))).Kind);
    }

    private static TaskBundleEntry Entry(string name, string version) => new()
    {
        Name = name,
        Version = version,
        Description = "echoes",
        Tags = ["text"],
        Document = new JsonText(TaskDocuments.Minimal()),
        Deployment = new TaskDeployment { Image = "example/echo:1", Env = new Dictionary<string, string> { ["A"] = "1", ["B"] = "2" } },
    };

    private ITaskDefinitionGrain Definition(Guid org, string name, string version) =>
        cluster.Client.GetGrain<ITaskDefinitionGrain>(TaskDefinitionKey.Format(org, name, version));
}
