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
}
