namespace MolDash.GrainInterfaces.Errors;

/// <summary>
/// A failure a user can act on, raised in grains and turned into a ProblemDetails answer by the API.
/// Grains translate infrastructure exceptions (which have no Orleans codec) into this type.
/// </summary>
[GenerateSerializer, Alias("MolDash.MolDashException")]
public sealed class MolDashException : Exception
{
    public MolDashException(ErrorKind kind, string message) : base(message) => Kind = kind;

    public MolDashException(ErrorKind kind, string message, IReadOnlyList<FieldError> errors) : base(message)
    {
        Kind = kind;
        Errors = errors;
    }

    [Id(0)]
    public ErrorKind Kind { get; }

    /// <summary>For <see cref="ErrorKind.TooManyRequests"/>: when trying again can succeed.</summary>
    [Id(1)]
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Where a submitted document is wrong, for validation failures that can say so.</summary>
    [Id(2)]
    public IReadOnlyList<FieldError> Errors { get; } = [];

    public static MolDashException NotFound(string what) => new(ErrorKind.NotFound, $"{what} was not found.");

    public static MolDashException Invalid(string message, IReadOnlyList<FieldError> errors) =>
        new(ErrorKind.Validation, message, errors);
}
