namespace MolDash.Grains.TaskServices;

/// <summary>A task version's service key as stored: its SHA-256, never the key itself.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.ServiceKeyRecord")]
public sealed record ServiceKeyRecord(
    [property: Id(0)] string KeyId,
    [property: Id(1)] byte[] Sha256,
    [property: Id(2)] DateTimeOffset CreatedAt);
