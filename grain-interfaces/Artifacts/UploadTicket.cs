namespace MolDash.GrainInterfaces.Artifacts;

/// <summary>
/// Where the API streams one upload: a write URL for a staging blob, valid until <see cref="ExpiresAt"/>.
/// <see cref="LimitReason"/> names the quota behind <see cref="MaxBytes"/>, for the error when it is exceeded.
/// </summary>
[GenerateSerializer, Immutable, Alias("MolDash.UploadTicket")]
public sealed record UploadTicket(
    [property: Id(0)] Guid UploadId,
    [property: Id(1)] Uri UploadUrl,
    [property: Id(2)] DateTimeOffset ExpiresAt,
    [property: Id(3)] long MaxBytes,
    [property: Id(4)] string LimitReason);
