using k8s;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.TaskServices.Kubernetes;

namespace MolDash.Grains.Tests.TaskServices.Kubernetes;

public sealed class EndpointSliceSyncTests
{
    private static readonly Guid Org = Guid.NewGuid();
    private static readonly string Echo = TaskDefinitionKey.Format(Org, "echo", "1.0.0");
    private static readonly string Dock = TaskDefinitionKey.Format(Org, "dock", "1.0.0");

    [Fact]
    public void A_relist_pushes_every_listed_slice_and_empties_the_known_ones_that_are_gone()
    {
        var sync = new EndpointSliceSync();
        sync.ApplyList([EndpointSlices.For(Org, "echo", ("10.1.0.5", true)), EndpointSlices.For(Org, "dock", ("10.1.0.9", true))]);

        var pushes = sync.ApplyList([EndpointSlices.For(Org, "echo", ("10.1.0.6", true))]);

        Assert.Equal([(Dock, 0), (Echo, 1)], pushes.Select(push => (push.TaskKey, push.Addresses.Count)));
        Assert.Equal("http://10.1.0.6:8080/", Assert.Single(Assert.Single(sync.Known).Addresses));
    }

    [Fact]
    public void Watch_events_replace_a_slice_and_a_deleted_slice_leaves_its_task_with_none_of_its_addresses()
    {
        var sync = new EndpointSliceSync();
        sync.Apply(WatchEventType.Added, EndpointSlices.For(Org, "echo", ("10.1.0.5", true)));

        var scaled = sync.Apply(WatchEventType.Modified, EndpointSlices.For(Org, "echo", ("10.1.0.5", true), ("10.1.0.6", false), ("10.1.0.7", true)));
        var deleted = sync.Apply(WatchEventType.Deleted, EndpointSlices.For(Org, "echo"));
        var unknownDeleted = sync.Apply(WatchEventType.Deleted, EndpointSlices.For(Org, "dock"));

        Assert.Equal(["http://10.1.0.5:8080/", "http://10.1.0.7:8080/"], Assert.Single(scaled).Addresses);
        Assert.Equal((Echo, 0), (Assert.Single(deleted).TaskKey, deleted[0].Addresses.Count));
        Assert.Empty(unknownDeleted);
        Assert.Empty(sync.Known);
    }

    [Fact]
    public void A_slice_relabelled_to_another_task_is_taken_from_the_old_one_and_one_that_loses_its_labels_is_emptied()
    {
        var sync = new EndpointSliceSync();
        var slice = EndpointSlices.For(Org, "echo", ("10.1.0.5", true));
        sync.Apply(WatchEventType.Added, slice);

        slice.Metadata.Labels[TaskServiceLabels.Task] = "dock";
        var relabelled = sync.Apply(WatchEventType.Modified, slice);
        slice.Metadata.Labels.Remove(TaskServiceLabels.Version);
        var unlabelled = sync.Apply(WatchEventType.Modified, slice);

        Assert.Equal([(Echo, 0), (Dock, 1)], relabelled.Select(push => (push.TaskKey, push.Addresses.Count)));
        Assert.Equal([(Dock, 0)], unlabelled.Select(push => (push.TaskKey, push.Addresses.Count)));
    }
}
