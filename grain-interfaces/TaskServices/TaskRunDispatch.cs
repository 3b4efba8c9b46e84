namespace MolDash.GrainInterfaces.TaskServices;

/// <summary>A run handed to a task service to do in the background, reporting back to the node of the job that sent it.</summary>
/// <param name="JobKey">The key of the job grain to report to.</param>
[GenerateSerializer, Immutable, Alias("MolDash.TaskRunDispatch")]
public sealed record TaskRunDispatch(
    [property: Id(0)] TaskRunRequest Request,
    [property: Id(1)] string JobKey,
    [property: Id(2)] string NodeId);
