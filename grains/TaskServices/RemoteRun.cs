namespace MolDash.Grains.TaskServices;

/// <summary>Where a run the service accepted (202) can be polled, and cancelled with a DELETE.</summary>
public sealed class RemoteRun
{
    public Uri? Location { get; set; }
}
