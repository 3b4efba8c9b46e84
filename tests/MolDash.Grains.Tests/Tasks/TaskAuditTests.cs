using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.TaskServices;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Tests.Infrastructure;
using MolDash.Grains.Tests.Registry;
using Orleans.TestingHost;

namespace MolDash.Grains.Tests.Tasks;

[Collection(ClusterTestGroup.Name)]
public sealed class TaskAuditTests(ClusterFixture fixture)
{
    private readonly TestCluster cluster = fixture.Cluster;

    [Fact]
    public async Task Every_change_to_a_task_and_its_instances_is_audited_with_actor_org_and_target()
    {
        var org = Guid.NewGuid();
        var admin = Callers.AdminOf(org);
        Callers.ActAs(admin);
        var draft = new TaskDefinitionDraft
        {
            Document = TaskDocuments.WithInput("""{ "type": "object", "properties": { "text": { "type": "string" } } }"""),
            Deployment = new TaskDeployment { Image = "example/echo:1" },
        };
        var task = cluster.Client.GetGrain<ITaskDefinitionGrain>(TaskDefinitionKey.Format(org, "echo", "1.0.0"));

        await task.CreateAsync(draft);
        await task.UpdateDraftAsync(draft with { Description = "echoes" });
        await task.PublishAsync();
        await task.CloneAsync("echo", "1.1.0");
        await task.DeprecateAsync("use 1.1.0");
        var service = cluster.Client.GetGrain<ITaskServiceGrain>(task.GetPrimaryKeyString());
        await service.RegisterInstanceAsync("http://127.0.0.1:9/");
        await service.RemoveInstanceAsync("http://127.0.0.1:9/");

        var rows = ClusterFixture.AuditLog.Entries.Where(entry => entry.OrgId == org).OrderBy(entry => entry.Id).ToList();
        Assert.Equal(
            [
                (AuditActions.TaskCreated, "echo/1.0.0"), (AuditActions.TaskUpdated, "echo/1.0.0"), (AuditActions.TaskPublished, "echo/1.0.0"),
                (AuditActions.TaskCreated, "echo/1.1.0"), (AuditActions.TaskCloned, "echo/1.0.0"), (AuditActions.TaskDeprecated, "echo/1.0.0"),
                (AuditActions.TaskInstanceRegistered, "echo/1.0.0"), (AuditActions.TaskInstanceRemoved, "echo/1.0.0"),
            ],
            rows.Select(row => (row.Action, row.Target)));
        Assert.All(rows, row => Assert.Equal(admin.UserId, row.ActorId));
        Assert.Contains("use 1.1.0", rows.Single(row => row.Action == AuditActions.TaskDeprecated).DetailsJson, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:9", rows.Single(row => row.Action == AuditActions.TaskInstanceRemoved).DetailsJson, StringComparison.Ordinal);
    }
}
