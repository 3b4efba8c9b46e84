using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.TaskServices;
using MolDash.GrainInterfaces.Tasks;

namespace MolDash.Grains.TaskServices.Kubernetes;

/// <summary>Hands a slice to its task-service grain, as the platform acting in the task's org.</summary>
public sealed class TaskServiceGrainSink(IGrainFactory grains) : IDiscoveredInstancesSink
{
    public Task ReplaceAsync(DiscoveredSlice slice)
    {
        CallerContext.Set(Caller.PlatformIn(TaskDefinitionKey.Parse(slice.TaskKey).OrgId));
        return grains.GetGrain<ITaskServiceGrain>(slice.TaskKey).ReplaceDiscoveredAsync(InstanceSource.Kubernetes, slice.Group, slice.Addresses);
    }
}
