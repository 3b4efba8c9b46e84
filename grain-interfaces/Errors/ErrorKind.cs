namespace MolDash.GrainInterfaces.Errors;

/// <summary>What went wrong, in the terms the API maps to HTTP status codes.</summary>
[GenerateSerializer, Alias("MolDash.ErrorKind")]
public enum ErrorKind
{
    NotFound = 0,
    Conflict = 1,
    Validation = 2,
    Unauthenticated = 3,
    Forbidden = 4,
    Unavailable = 5,
    TooManyRequests = 6,
    PayloadTooLarge = 7,
    UnsupportedMediaType = 8,

    /// <summary>A one-time token that was valid once: used, revoked or expired.</summary>
    Gone = 9,
}
