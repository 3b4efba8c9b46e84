using System.Text.Json;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Tests.Infrastructure;
using MolDash.Grains.Tests.Registry;
using Orleans.TestingHost;

namespace MolDash.Grains.Tests.Tasks;

[Collection(ClusterTestGroup.Name)]
public sealed class TaskDefinitionGrainTests(ClusterFixture fixture)
{
    private readonly TestCluster cluster = fixture.Cluster;

    private static TaskDefinitionDraft DockingDraft() => new()
    {
        Description = "AutoDock Vina docking",
        Category = "Docking",
        Tags = ["vina", "Docking"],
        Document = TaskDocuments.Docking(),
        OperationId = "dock",
        Deployment = new TaskDeployment { Image = "registry.example.com/moldash/docking:1.0.0", Cpu = 2, MemoryMb = 2048, Deterministic = true, Env = new Dictionary<string, string> { ["VINA_SLOTS"] = "2" } },
    };

    /// <summary>Views hold lists, which records compare by reference; their JSON compares by value.</summary>
    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    private ITaskDefinitionGrain Task(Guid orgId, string name = "dock", string version = "1.0.0") =>
        cluster.Client.GetGrain<ITaskDefinitionGrain>(TaskDefinitionKey.Format(orgId, name, version));

    [Fact]
    public async Task An_admin_creates_a_draft_that_is_listed_in_the_catalog()
    {
        var org = Guid.NewGuid();
        var admin = Callers.AdminOf(org);
        Callers.ActAs(admin);

        var created = await Task(org).CreateAsync(DockingDraft());

        Assert.Equal((org, "dock", "1.0.0", TaskDefinitionStatus.Draft), (created.OrgId, created.Name, created.Version, created.Status));
        Assert.Equal("docking", created.Category);
        Assert.Equal(["vina", "docking"], created.Tags);
        Assert.Equal("dock", created.OperationId);
        Assert.Equal(admin.UserId, created.CreatedBy);
        Assert.StartsWith("{\"openapi\":\"3.0.3\"", created.Document.Json, StringComparison.Ordinal);
        Assert.Equal(TaskDefinitionStatus.Draft, ClusterFixture.TaskCatalog.Row(org, "dock", "1.0.0")?.Status);
        Assert.Equal(Json(created), Json(await Task(org).GetAsync()));
    }

    [Fact]
    public async Task A_bad_document_is_a_validation_error_with_pointers_and_nothing_is_stored()
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var draft = DockingDraft() with { Document = TaskDocuments.WithInput("""{ "$ref": "other.json#/Input" }"""), OperationId = null };

        var error = await Assert.ThrowsAsync<MolDashException>(() => Task(org).CreateAsync(draft));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Contains(error.Errors, field => field.Pointer.EndsWith("/schema/$ref", StringComparison.Ordinal));
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<MolDashException>(Task(org).GetAsync)).Kind);
    }

    [Fact]
    public async Task Bad_deployment_and_metadata_fields_are_each_reported()
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var draft = DockingDraft() with
        {
            Tags = ["not a tag"],
            Deployment = new TaskDeployment { Image = "", Cpu = 0, MemoryMb = 1, Replicas = 0, MaxAttempts = 11, Env = new Dictionary<string, string> { ["1BAD"] = "x" } },
        };

        var error = await Assert.ThrowsAsync<MolDashException>(() => Task(org).CreateAsync(draft));

        Assert.Equal(
            ["/deployment/cpu", "/deployment/env/1BAD", "/deployment/image", "/deployment/maxAttempts", "/deployment/memoryMb", "/deployment/replicas", "/tags/0"],
            error.Errors.Select(field => field.Pointer).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Dock", "1.0.0")]
    [InlineData("dock", "1.0")]
    [InlineData("-dock", "1.0.0")]
    public async Task Names_and_versions_outside_the_rules_are_refused(string name, string version)
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));

        var error = await Assert.ThrowsAsync<MolDashException>(() => Task(org, name, version).CreateAsync(DockingDraft()));

        Assert.Equal(ErrorKind.Validation, error.Kind);
    }

    [Fact]
    public async Task Creating_an_existing_version_is_a_conflict()
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        await Task(org).CreateAsync(DockingDraft());

        Assert.Equal(ErrorKind.Conflict, (await Assert.ThrowsAsync<MolDashException>(() => Task(org).CreateAsync(DockingDraft()))).Kind);
    }

    [Fact]
    public async Task A_draft_is_editable_until_published_then_immutable_and_deprecatable_with_a_reason()
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var grain = Task(org);
        await grain.CreateAsync(DockingDraft());

        var edited = await grain.UpdateDraftAsync(DockingDraft() with { Description = "Edited", OperationId = "properties" });
        var published = await grain.PublishAsync();
        var again = await grain.PublishAsync();
        var frozen = await Assert.ThrowsAsync<MolDashException>(() => grain.UpdateDraftAsync(DockingDraft()));
        var noReason = await Assert.ThrowsAsync<MolDashException>(() => grain.DeprecateAsync("  "));
        var deprecated = await grain.DeprecateAsync("Use dock 2.0.0: it adds batches.");

        Assert.Equal(("Edited", "properties"), (edited.Description, edited.OperationId));
        Assert.Equal(TaskDefinitionStatus.Published, published.Status);
        Assert.NotNull(published.PublishedAt);
        Assert.Equal(Json(published), Json(again));
        Assert.Equal(ErrorKind.Conflict, frozen.Kind);
        Assert.Equal(ErrorKind.Validation, noReason.Kind);
        Assert.Equal((TaskDefinitionStatus.Deprecated, "Use dock 2.0.0: it adds batches."), (deprecated.Status, deprecated.DeprecationReason));
        Assert.Equal(TaskDefinitionStatus.Deprecated, ClusterFixture.TaskCatalog.Row(org, "dock", "1.0.0")?.Status);
    }

    [Fact]
    public async Task A_draft_cannot_be_deprecated()
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        await Task(org).CreateAsync(DockingDraft());

        Assert.Equal(ErrorKind.Conflict, (await Assert.ThrowsAsync<MolDashException>(() => Task(org).DeprecateAsync("old"))).Kind);
    }

    [Fact]
    public async Task Cloning_a_published_version_makes_a_new_draft_with_the_same_definition()
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var source = await Task(org).CreateAsync(DockingDraft());
        await Task(org).PublishAsync();

        var clone = await Task(org).CloneAsync("dock", "1.1.0");
        var same = await Assert.ThrowsAsync<MolDashException>(() => Task(org).CloneAsync("dock", "1.0.0"));

        Assert.Equal(("1.1.0", TaskDefinitionStatus.Draft), (clone.Version, clone.Status));
        Assert.Equal((source.Document.Json, Json(source.Deployment), source.OperationId), (clone.Document.Json, Json(clone.Deployment), clone.OperationId));
        Assert.Equal(ErrorKind.Validation, same.Kind);
    }

    [Fact]
    public async Task Members_read_the_form_and_validate_parameters_but_only_admins_define()
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        await Task(org).CreateAsync(DockingDraft());

        Callers.ActAs(Callers.StandardOf(org));
        var form = await Task(org).GetFormAsync();
        var valid = await Task(org).ValidateParametersAsync("""{ "receptor": "REMARK", "ligand": "CCO" }""");
        var invalid = await Task(org).ValidateParametersAsync("""{ "exhaustiveness": 0 }""");
        var malformed = await Task(org).ValidateParametersAsync("{ nope");
        var denied = await Assert.ThrowsAsync<MolDashException>(Task(org).PublishAsync);

        Assert.Equal("dock", form.OperationId);
        Assert.True(valid.Valid);
        Assert.Equal(["/exhaustiveness", "/receptor"], invalid.Errors.Select(error => error.Pointer).Order(StringComparer.Ordinal));
        Assert.Equal("", Assert.Single(malformed.Errors).Pointer);
        Assert.Equal(ErrorKind.Forbidden, denied.Kind);
    }

    [Fact]
    public async Task Another_orgs_task_is_not_found_even_for_its_admin()
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        await Task(org).CreateAsync(DockingDraft());

        Callers.ActAs(Callers.AdminOf(Guid.NewGuid()));
        var read = await Assert.ThrowsAsync<MolDashException>(Task(org).GetAsync);
        var form = await Assert.ThrowsAsync<MolDashException>(Task(org).GetFormAsync);
        var list = await Assert.ThrowsAsync<MolDashException>(() => cluster.Client.GetGrain<ITaskCatalogGrain>(org).ListAsync(new TaskQuery(), null, 10));

        Assert.Equal([ErrorKind.NotFound, ErrorKind.NotFound, ErrorKind.NotFound], new[] { read.Kind, form.Kind, list.Kind });
    }

    [Fact]
    public async Task Root_defines_tasks_in_any_org()
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.Root());

        var created = await Task(org).CreateAsync(DockingDraft());

        Assert.Equal(org, created.OrgId);
    }

    [Fact]
    public async Task The_catalog_filters_and_pages_an_orgs_tasks()
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        foreach (var name in new[] { "alpha", "beta", "gamma" })
        {
            await Task(org, name).CreateAsync(DockingDraft() with { Tags = name == "beta" ? ["special"] : [] });
        }

        await Task(org, "gamma").PublishAsync();
        var catalog = cluster.Client.GetGrain<ITaskCatalogGrain>(org);

        var first = await catalog.ListAsync(new TaskQuery(), null, 2);
        var second = await catalog.ListAsync(new TaskQuery(), first.NextCursor, 2);
        var tagged = await catalog.ListAsync(new TaskQuery(Tag: "special"), null, 10);
        var published = await catalog.ListAsync(new TaskQuery(Status: TaskDefinitionStatus.Published), null, 10);

        Assert.Equal(["alpha", "beta"], first.Items.Select(item => item.Name));
        Assert.Equal(["gamma"], second.Items.Select(item => item.Name));
        Assert.Null(second.NextCursor);
        Assert.Equal("beta", Assert.Single(tagged.Items).Name);
        Assert.Equal("gamma", Assert.Single(published.Items).Name);
        Assert.Equal(ErrorKind.Validation, (await Assert.ThrowsAsync<MolDashException>(() => catalog.ListAsync(new TaskQuery(), null, 0))).Kind);
    }
}
