namespace MolDash.GrainInterfaces.TaskServices;

/// <summary>A new service key, the only time its secret is shown: the platform keeps just its hash.</summary>
/// <param name="Key">What the service sends as <c>Authorization: ServiceKey &lt;key&gt;</c>.</param>
[GenerateSerializer, Immutable, Alias("MolDash.IssuedServiceKey")]
public sealed record IssuedServiceKey(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Key,
    [property: Id(2)] DateTimeOffset CreatedAt);
