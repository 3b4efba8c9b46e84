namespace MolDash.Api.Errors;

/// <summary>Field errors for a request body's shape, answered as a 422 ValidationProblem.</summary>
public sealed class RequestValidation
{
    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public bool IsValid => errors.Count == 0;

    public RequestValidation Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        }

        return this;
    }

    public IResult ToProblem() => TypedResults.Problem(new HttpValidationProblemDetails(errors)
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = "The request has invalid fields.",
    });
}
