using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Tests.Infrastructure;
using MolDash.Grains.Tests.Registry;
using Orleans.TestingHost;

namespace MolDash.Grains.Tests.Tasks;

[Collection(ClusterTestGroup.Name)]
public sealed class TaskImportTests(ClusterFixture fixture)
{
    private static readonly TaskDefinitionDraft Draft = new() { Description = "imported", Deployment = new TaskDeployment { Image = "example/echo:1" } };

    private readonly TestCluster cluster = fixture.Cluster;

    [Fact]
    public async Task The_silo_fetches_the_document_from_the_running_service_and_audits_where_it_came_from()
    {
        await using var service = await FakeTaskService.StartAsync();
        service.OpenApiDocument = TaskDocuments.Minimal();
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var url = new Uri(service.Address, "openapi.json").ToString();

        var task = await cluster.Client.GetGrain<ITaskDefinitionGrain>(TaskDefinitionKey.Format(org, "echo", "1.0.0")).ImportAsync(url, Draft);

        Assert.Equal((TaskDefinitionStatus.Draft, "run", "imported"), (task.Status, task.OperationId, task.Description));
        var audit = ClusterFixture.AuditLog.Entries.Single(entry => entry.OrgId == org && entry.Action == AuditActions.TaskCreated);
        Assert.Contains(url, audit.DetailsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_address_is_refused_in_the_grain_with_a_422_at_url_and_nothing_is_stored()
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var grain = cluster.Client.GetGrain<ITaskDefinitionGrain>(TaskDefinitionKey.Format(org, "echo", "1.0.0"));

        var error = await Assert.ThrowsAsync<MolDashException>(() => grain.ImportAsync("http://10.0.0.5/openapi.json", Draft));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal(("/url", "the address 10.0.0.5 is private and not allowed for imports; allowed: 127.0.0.0/8"),
            (error.Errors[0].Pointer, error.Errors[0].Message));
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<MolDashException>(grain.GetAsync)).Kind);
    }

    [Fact]
    public async Task A_standard_member_cannot_import()
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.StandardOf(org));

        var error = await Assert.ThrowsAsync<MolDashException>(() =>
            cluster.Client.GetGrain<ITaskDefinitionGrain>(TaskDefinitionKey.Format(org, "echo", "1.0.0")).ImportAsync("http://127.0.0.1:1/", Draft));

        Assert.Equal(ErrorKind.Forbidden, error.Kind);
    }
}
