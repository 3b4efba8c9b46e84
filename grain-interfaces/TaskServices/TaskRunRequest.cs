namespace MolDash.GrainInterfaces.TaskServices;

/// <param name="RunId">Sent as the Idempotency-Key: a retried run is the same run to the service.</param>
/// <param name="ParametersJson">The task's input, already or still to be checked against its schema.</param>
[GenerateSerializer, Immutable, Alias("MolDash.TaskRunRequest")]
public sealed record TaskRunRequest(
    [property: Id(0)] Guid RunId,
    [property: Id(1)] Guid? JobId,
    [property: Id(2)] string ParametersJson,
    [property: Id(3)] RunPriority Priority = RunPriority.Normal);
