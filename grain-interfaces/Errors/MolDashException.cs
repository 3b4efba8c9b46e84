namespace MolDash.GrainInterfaces.Errors;

/// <summary>
/// A failure a user can act on, raised in grains and turned into a ProblemDetails answer by the API.
/// Grains translate infrastructure exceptions (which have no Orleans codec) into this type.
/// </summary>
[GenerateSerializer, Alias("MolDash.MolDashException")]
public sealed class MolDashException : Exception
{
    public MolDashException(ErrorKind kind, string message) : base(message) => Kind = kind;

    [Id(0)]
    public ErrorKind Kind { get; }

    /// <summary>For <see cref="ErrorKind.TooManyRequests"/>: when trying again can succeed.</summary>
    [Id(1)]
    public TimeSpan? RetryAfter { get; init; }

    public static MolDashException NotFound(string what) => new(ErrorKind.NotFound, $"{what} was not found.");
}
