namespace MolDash.GrainInterfaces.TaskServices;

/// <summary>Which service key a task version has: enough to tell keys apart, nothing to use one.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.ServiceKeyInfo")]
public sealed record ServiceKeyInfo(
    [property: Id(0)] string KeyId,
    [property: Id(1)] DateTimeOffset CreatedAt);
