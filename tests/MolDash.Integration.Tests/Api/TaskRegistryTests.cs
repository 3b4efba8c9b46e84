using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Api;

[Collection(PlatformTestGroup.Name)]
public sealed class TaskRegistryTests(PlatformFixture fixture)
{
    private static readonly string DockingDocument = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "docking-openapi.json"));

    private readonly PlatformUnderTest platform = fixture.Platform;

    [Fact]
    public async Task An_admin_registers_the_docking_task_and_members_read_its_form_and_validate_parameters()
    {
        var org = await CreateOrgAsync();
        using var admin = platform.CreateClient(await fixture.NewMemberTokenAsync(org, "admin"));
        using var member = platform.CreateClient(await fixture.NewMemberTokenAsync(org, "standard"));

        using var created = await admin.PostAsJsonAsync("/api/v1/tasks", DockRequest("dock", DockingDocument));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/tasks/dock/versions/1.0.0", created.Headers.Location?.ToString());
        var task = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Draft", task.GetProperty("status").GetString());
        Assert.Equal("3.0.3", task.GetProperty("document").GetProperty("openapi").GetString());

        var form = await member.GetFromJsonAsync<JsonElement>("/api/v1/tasks/dock/versions/1.0.0/form");
        var receptor = form.GetProperty("fields").EnumerateArray().First(field => field.GetProperty("name").GetString() == "receptor");
        Assert.Equal("File", receptor.GetProperty("kind").GetString());
        Assert.True(receptor.GetProperty("required").GetBoolean());
        Assert.Equal("pdbqt", receptor.GetProperty("acceptedFormats")[0].GetString());
        var exhaustiveness = form.GetProperty("fields").EnumerateArray().First(field => field.GetProperty("name").GetString() == "exhaustiveness");
        Assert.Equal(8, exhaustiveness.GetProperty("default").GetInt32());

        using var check = await member.PostAsJsonAsync("/api/v1/tasks/dock/versions/1.0.0/validate", new { ligand = "CCO", exhaustiveness = 100 });
        var result = await check.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(result.GetProperty("valid").GetBoolean());
        Assert.Equal(["/exhaustiveness", "/receptor"], result.GetProperty("errors").EnumerateArray().Select(error => error.GetProperty("pointer").GetString()).Order());
        using var good = await member.PostAsJsonAsync("/api/v1/tasks/dock/versions/1.0.0/validate", new { receptor = "REMARK", ligand = "CCO" });
        Assert.True((await good.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("valid").GetBoolean());

        using var denied = await member.PostAsJsonAsync("/api/v1/tasks", DockRequest("other", DockingDocument));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task A_bad_document_is_a_422_with_errors_keyed_by_json_pointer()
    {
        var org = await CreateOrgAsync();
        using var admin = platform.CreateClient(await fixture.NewMemberTokenAsync(org, "admin"));
        var document = DockingDocument.Replace("#/components/schemas/DockRequest", "#/components/schemas/Missing", StringComparison.Ordinal);

        using var response = await admin.PostAsJsonAsync("/api/v1/tasks", DockRequest("broken", document));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("/paths/~1dock/post/requestBody/content/application~1json/schema/$ref", out var messages));
        Assert.Contains("#/components/schemas/Missing", messages[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_yaml_swagger_2_document_is_refused_by_its_version()
    {
        var org = await CreateOrgAsync();
        using var admin = platform.CreateClient(await fixture.NewMemberTokenAsync(org, "admin"));

        using var response = await admin.PostAsJsonAsync("/api/v1/tasks", DockRequest("legacy", "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("/swagger", out _));
    }

    [Fact]
    public async Task The_lifecycle_runs_draft_to_published_to_deprecated_and_a_clone_is_a_new_draft()
    {
        var org = await CreateOrgAsync();
        using var admin = platform.CreateClient(await fixture.NewMemberTokenAsync(org, "admin"));
        (await admin.PostAsJsonAsync("/api/v1/tasks", DockRequest("life", DockingDocument))).EnsureSuccessStatusCode();
        const string Path = "/api/v1/tasks/life/versions/1.0.0";

        using var edited = await admin.PutAsJsonAsync(Path, new { description = "Edited", document = DockingDocument, operationId = "dock", deployment = new { image = "moldash/docking:1.0.0" } });
        using var published = await admin.PostAsync($"{Path}/publish", null);
        using var frozen = await admin.PutAsJsonAsync(Path, new { description = "Again", document = DockingDocument, operationId = "dock", deployment = new { image = "moldash/docking:1.0.0" } });
        using var deprecated = await admin.PostAsJsonAsync($"{Path}/deprecate", new { reason = "Superseded by 1.1.0" });
        using var clone = await admin.PostAsJsonAsync($"{Path}/clone", new { version = "1.1.0" });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("Published", (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await frozen.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Superseded by 1.1.0", (await deprecated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deprecationReason").GetString());
        Assert.Equal(HttpStatusCode.Created, clone.StatusCode);
        var cloned = await clone.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("1.1.0", "Draft", "Edited"), (cloned.GetProperty("version").GetString(), cloned.GetProperty("status").GetString(), cloned.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task The_listing_filters_by_category_tag_and_status_and_pages_with_a_cursor()
    {
        var org = await CreateOrgAsync();
        using var admin = platform.CreateClient(await fixture.NewMemberTokenAsync(org, "admin"));
        foreach (var name in new[] { "a-task", "b-task", "c-task" })
        {
            var request = DockRequest(name, DockingDocument) with { Category = name == "c-task" ? "chemistry" : "docking", Tags = name == "b-task" ? ["gpu"] : [] };
            (await admin.PostAsJsonAsync("/api/v1/tasks", request)).EnsureSuccessStatusCode();
        }

        (await admin.PostAsync("/api/v1/tasks/a-task/versions/1.0.0/publish", null)).EnsureSuccessStatusCode();

        var names = new List<string>();
        string? cursor = null;
        do
        {
            var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/tasks?limit=2" + (cursor is null ? "" : $"&after={Uri.EscapeDataString(cursor)}"));
            names.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("name").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(["a-task", "b-task", "c-task"], names);
        Assert.Equal(["c-task"], await NamesAsync(admin, "category=Chemistry"));
        Assert.Equal(["b-task"], await NamesAsync(admin, "tag=gpu"));
        Assert.Equal(["a-task"], await NamesAsync(admin, "status=Published"));
        Assert.Equal(["b-task"], await NamesAsync(admin, "q=b-ta"));
        await (await admin.GetAsync("/api/v1/tasks?after=bm9wZQ")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Another_orgs_task_is_a_404_and_stays_out_of_its_listing()
    {
        var owner = await CreateOrgAsync();
        var stranger = await CreateOrgAsync();
        using var ownerAdmin = platform.CreateClient(await fixture.NewMemberTokenAsync(owner, "admin"));
        using var strangerAdmin = platform.CreateClient(await fixture.NewMemberTokenAsync(stranger, "admin"));
        (await ownerAdmin.PostAsJsonAsync("/api/v1/tasks", DockRequest("secret", DockingDocument))).EnsureSuccessStatusCode();

        using var own = await strangerAdmin.GetAsync("/api/v1/tasks/secret/versions/1.0.0");
        using var named = await strangerAdmin.GetAsync($"/api/v1/tasks/secret/versions/1.0.0?orgId={owner}");
        using var form = await strangerAdmin.GetAsync($"/api/v1/tasks/secret/versions/1.0.0/form?orgId={owner}");
        using var publish = await strangerAdmin.PostAsync($"/api/v1/tasks/secret/versions/1.0.0/publish?orgId={owner}", null);
        using var listing = await strangerAdmin.GetAsync($"/api/v1/tasks?orgId={owner}");
        var ownListing = await strangerAdmin.GetFromJsonAsync<JsonElement>("/api/v1/tasks");

        foreach (var response in new[] { own, named, form, publish, listing })
        {
            await response.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Empty(ownListing.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Root_names_the_org_it_acts_in()
    {
        var org = await CreateOrgAsync();
        using var root = platform.CreateClient(fixture.RootToken);

        using var withoutOrg = await root.GetAsync("/api/v1/tasks");
        using var created = await root.PostAsJsonAsync($"/api/v1/tasks?orgId={org}", DockRequest("rooted", DockingDocument));

        var problem = await withoutOrg.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("orgId", out _));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(org, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orgId").GetGuid());
    }

    [Fact]
    public async Task An_admin_registers_a_service_instance_and_sees_its_health()
    {
        var org = await CreateOrgAsync();
        using var admin = platform.CreateClient(await fixture.NewMemberTokenAsync(org, "admin"));
        using var member = platform.CreateClient(await fixture.NewMemberTokenAsync(org, "standard"));
        using var stranger = platform.CreateClient(await fixture.NewMemberTokenAsync(await CreateOrgAsync(), "admin"));
        (await admin.PostAsJsonAsync("/api/v1/tasks", DockRequest("served", DockingDocument))).EnsureSuccessStatusCode();
        const string Service = "/api/v1/tasks/served/versions/1.0.0/service";
        var nobody = $"http://127.0.0.1:{FreePort.Next()}/";

        using var registered = await admin.PostAsJsonAsync($"{Service}/instances", new { address = nobody });
        using var bad = await admin.PostAsJsonAsync($"{Service}/instances", new { address = "ftp://example.invalid" });
        using var byMember = await member.GetAsync(Service);
        using var byStranger = await stranger.GetAsync($"{Service}?orgId={org}");
        using var unknownTask = await admin.PostAsJsonAsync("/api/v1/tasks/nothing/versions/1.0.0/service/instances", new { address = nobody });

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var instance = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instances")[0];
        Assert.Equal(nobody, instance.GetProperty("address").GetString());
        Assert.False(instance.GetProperty("healthy").GetBoolean());
        Assert.False(string.IsNullOrEmpty(instance.GetProperty("lastError").GetString()));
        var problem = await bad.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("/address", out _));
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        await byStranger.AssertProblemAsync(HttpStatusCode.NotFound);
        await unknownTask.AssertProblemAsync(HttpStatusCode.NotFound);

        var status = await admin.GetFromJsonAsync<JsonElement>(Service);
        Assert.Equal(0, status.GetProperty("queueDepth").GetProperty("Normal").GetInt32());
        using var removed = await admin.DeleteAsync($"{Service}/instances?address={Uri.EscapeDataString(nobody)}");
        Assert.Empty((await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instances").EnumerateArray());
    }

    [Fact]
    public async Task An_admin_imports_the_running_echo_service_by_url_and_metadata_addresses_are_refused()
    {
        await using var echo = await EchoService.StartAsync();
        var org = await CreateOrgAsync();
        using var admin = platform.CreateClient(await fixture.NewMemberTokenAsync(org, "admin"));
        var deployment = new { image = "moldash/echo:1.0.0", cpu = 0.5, memoryMb = 128 };

        using var imported = await admin.PostAsJsonAsync("/api/v1/tasks/import",
            new { url = new Uri(echo.Address, "openapi.json").ToString(), name = "echo", version = "1.0.0", category = "testing", deployment });
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var task = await imported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("echo", task.GetProperty("operationId").GetString());
        Assert.Equal("Draft", task.GetProperty("status").GetString());
        using var form = await admin.GetAsync("/api/v1/tasks/echo/versions/1.0.0/form");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);

        using var metadata = await admin.PostAsJsonAsync("/api/v1/tasks/import",
            new { url = "http://169.254.169.254/latest/meta-data/", name = "steal", version = "1.0.0", deployment });
        var problem = await metadata.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("never allowed for imports", problem.GetProperty("errors").GetProperty("/url")[0].GetString(), StringComparison.Ordinal);

        using var lan = await admin.PostAsJsonAsync("/api/v1/tasks/import",
            new { url = "http://10.0.0.5:8080/openapi.json", name = "lan", version = "1.0.0", deployment });
        problem = await lan.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("the address 10.0.0.5 is private and not allowed for imports; allowed: 127.0.0.0/8",
            problem.GetProperty("errors").GetProperty("/url")[0].GetString());
    }

    [Fact]
    public async Task A_bundle_exported_from_one_org_imports_into_another_and_a_conflicting_one_imports_nothing()
    {
        var source = await CreateOrgAsync();
        using var admin = platform.CreateClient(await fixture.NewMemberTokenAsync(source, "admin"));
        (await admin.PostAsJsonAsync("/api/v1/tasks", DockRequest("dock", DockingDocument))).EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/v1/tasks/dock/versions/1.0.0/publish", null)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/tasks", DockRequest("dock2", DockingDocument))).EnsureSuccessStatusCode();

        var bundle = await admin.GetFromJsonAsync<JsonElement>("/api/v1/tasks/export");
        Assert.Equal("moldash-tasks/1", bundle.GetProperty("format").GetString());
        Assert.Equal(2, bundle.GetProperty("tasks").GetArrayLength());
        Assert.Equal("3.0.3", bundle.GetProperty("tasks")[0].GetProperty("document").GetProperty("openapi").GetString());
        var one = await admin.GetFromJsonAsync<JsonElement>("/api/v1/tasks/export?name=dock2&version=1.0.0");
        Assert.Equal("dock2", Assert.Single(one.GetProperty("tasks").EnumerateArray()).GetProperty("name").GetString());

        var target = await CreateOrgAsync();
        using var other = platform.CreateClient(await fixture.NewMemberTokenAsync(target, "admin"));
        using var imported = await other.PostAsJsonAsync("/api/v1/tasks/bundle", bundle);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(2, (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetArrayLength());
        Assert.Equal("Published", (await other.GetFromJsonAsync<JsonElement>("/api/v1/tasks/dock/versions/1.0.0")).GetProperty("status").GetString());

        // The same bundle with one changed version: a conflict at its index, and the new version is not made.
        var changed = JsonNode.Parse(bundle.GetRawText())!;
        changed["tasks"]![1]!["description"] = "changed";
        changed["tasks"]!.AsArray().Add(JsonNode.Parse(changed["tasks"]![0]!.ToJsonString())!);
        changed["tasks"]![2]!["name"] = "dock3";
        using var conflict = await other.PostAsync("/api/v1/tasks/bundle", new StringContent(changed.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var problem = await conflict.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.True(problem.GetProperty("errors").TryGetProperty("/tasks/1", out _));
        using var missing = await other.GetAsync("/api/v1/tasks/dock3/versions/1.0.0");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private async Task<Guid> CreateOrgAsync()
    {
        using var root = platform.CreateClient(fixture.RootToken);
        using var response = await root.PostAsJsonAsync("/api/v1/orgs", new { name = $"Registry {Guid.NewGuid():N}"[..40] });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<List<string>> NamesAsync(HttpClient client, string filter)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks?{filter}");
        return [.. page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("name").GetString()!)];
    }

    private static TaskRequest DockRequest(string name, string document) => new(
        name, "1.0.0", "Docking with AutoDock Vina", "docking", ["vina"], document, "dock",
        new { image = "registry.example.com/moldash/docking:1.0.0", cpu = 2, memoryMb = 2048, deterministic = true });

    private sealed record TaskRequest(
        string Name, string Version, string Description, string Category, string[] Tags, string Document, string OperationId, object Deployment);
}
