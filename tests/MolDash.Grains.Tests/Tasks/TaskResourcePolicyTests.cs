using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Tests.Infrastructure;
using MolDash.Grains.Tests.Registry;
using Orleans.TestingHost;

namespace MolDash.Grains.Tests.Tasks;

[Collection(ClusterTestGroup.Name)]
public sealed class TaskResourcePolicyTests(ClusterFixture fixture)
{
    private readonly TestCluster cluster = fixture.Cluster;

    private static TaskDefinitionDraft Draft(TaskDeployment deployment) => new() { Document = TaskDocuments.Minimal(), Deployment = deployment };

    [Fact]
    public async Task A_deployment_above_the_orgs_limits_is_refused_naming_each_field_and_limit()
    {
        var org = await CreateOrgAsync();
        Callers.ActAs(Callers.AdminOf(org));
        var grain = cluster.Client.GetGrain<ITaskDefinitionGrain>(TaskDefinitionKey.Format(org, "big", "1.0.0"));

        var error = await Assert.ThrowsAsync<MolDashException>(() => grain.CreateAsync(Draft(new TaskDeployment
        {
            Image = "example/big:1", Cpu = 16, MemoryMb = 65_536, Gpu = 2, Replicas = 20,
        })));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal(
            [
                ("/deployment/cpu", "16 cores is above the organization's limit of 8"),
                ("/deployment/memoryMb", "65536 MiB is above the organization's limit of 32768 MiB"),
                ("/deployment/gpu", "2 GPUs is above the organization's limit of 0"),
                ("/deployment/replicas", "20 replicas is above the organization's limit of 10"),
            ],
            error.Errors.Select(field => (field.Pointer, field.Message)));
    }

    [Fact]
    public async Task Root_raises_the_limits_and_the_same_deployment_is_accepted_for_drafts_and_updates()
    {
        var org = await CreateOrgAsync();
        Callers.ActAs(Callers.Root());
        await cluster.Client.GetGrain<IOrganizationGrain>(org).SetQuotasAsync(OrganizationQuotas.Default with { MaxTaskCpu = 16, MaxTaskGpu = 2 });
        Callers.ActAs(Callers.AdminOf(org));
        var grain = cluster.Client.GetGrain<ITaskDefinitionGrain>(TaskDefinitionKey.Format(org, "gpu", "1.0.0"));

        var created = await grain.CreateAsync(Draft(new TaskDeployment { Image = "example/gpu:1", Cpu = 16, Gpu = 2 }));
        var error = await Assert.ThrowsAsync<MolDashException>(() => grain.UpdateDraftAsync(Draft(new TaskDeployment { Image = "example/gpu:1", Cpu = 16.5 })));

        Assert.Equal(16, created.Deployment.Cpu);
        Assert.Equal(("/deployment/cpu", "16.5 cores is above the organization's limit of 16"), (error.Errors[0].Pointer, error.Errors[0].Message));
    }

    [Fact]
    public async Task Out_of_range_task_limits_are_refused_by_field()
    {
        var org = await CreateOrgAsync();
        Callers.ActAs(Callers.Root());

        var error = await Assert.ThrowsAsync<MolDashException>(() => cluster.Client.GetGrain<IOrganizationGrain>(org)
            .SetQuotasAsync(OrganizationQuotas.Default with { MaxTaskCpu = 0, MaxTaskGpu = -1, MaxTaskReplicas = 0 }));

        Assert.Equal(["/maxTaskCpu", "/maxTaskGpu", "/maxTaskReplicas"], error.Errors.Select(field => field.Pointer));
    }

    private async Task<Guid> CreateOrgAsync()
    {
        Callers.ActAs(Callers.Root());
        var id = Guid.NewGuid();
        await cluster.Client.GetGrain<IOrganizationGrain>(id).CreateAsync("Policy " + id);
        return id;
    }
}
