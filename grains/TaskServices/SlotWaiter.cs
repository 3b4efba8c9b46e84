namespace MolDash.Grains.TaskServices;

/// <summary>A run waiting for an instance slot; the grain completes it when one frees up.</summary>
public sealed class SlotWaiter
{
    public TaskCompletionSource<ServiceInstance> Slot { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
