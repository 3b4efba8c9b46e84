using MolDash.GrainInterfaces.TaskServices;
using MolDash.Grains.TaskServices;

namespace MolDash.Grains.Tests.TaskServices;

public sealed class PendingRunsTests
{
    private static readonly Guid OrgA = Guid.NewGuid();
    private static readonly Guid OrgB = Guid.NewGuid();
    private static readonly Guid OrgC = Guid.NewGuid();

    [Fact]
    public void Higher_priorities_go_first_whatever_the_order_of_arrival()
    {
        var queue = new PendingRuns<string>();
        queue.Enqueue(RunPriority.Low, OrgA, "low");
        queue.Enqueue(RunPriority.Normal, OrgA, "normal");
        queue.Enqueue(RunPriority.High, OrgA, "high");

        Assert.Equal(["high", "normal", "low"], Drain(queue));
    }

    [Fact]
    public void Within_a_priority_orgs_take_turns_and_each_org_keeps_its_order()
    {
        var queue = new PendingRuns<string>();
        foreach (var run in new[] { "a1", "a2", "a3", "a4" })
        {
            queue.Enqueue(RunPriority.Normal, OrgA, run);
        }

        queue.Enqueue(RunPriority.Normal, OrgB, "b1");
        queue.Enqueue(RunPriority.Normal, OrgC, "c1");
        queue.Enqueue(RunPriority.Normal, OrgB, "b2");

        Assert.Equal(["a1", "b1", "c1", "a2", "b2", "a3", "a4"], Drain(queue));
    }

    [Fact]
    public void Depth_is_counted_per_priority_and_removed_runs_leave_the_queue()
    {
        var queue = new PendingRuns<string>();
        queue.Enqueue(RunPriority.High, OrgA, "h1");
        queue.Enqueue(RunPriority.Normal, OrgA, "n1");
        queue.Enqueue(RunPriority.Normal, OrgB, "n2");

        Assert.True(queue.Remove("n1"));
        Assert.False(queue.Remove("missing"));

        Assert.Equal((1, 1, 0, 2), (queue.DepthOf(RunPriority.High), queue.DepthOf(RunPriority.Normal), queue.DepthOf(RunPriority.Low), queue.Count));
        Assert.Equal(["h1", "n2"], Drain(queue));
        Assert.False(queue.TryDequeue(out _));
    }

    private static List<string> Drain(PendingRuns<string> queue)
    {
        var runs = new List<string>();
        while (queue.TryDequeue(out var run))
        {
            runs.Add(run);
        }

        return runs;
    }
}
