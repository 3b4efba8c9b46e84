using MolDash.GrainInterfaces.Errors;

namespace MolDash.GrainInterfaces.Tasks;

/// <summary>The outcome of checking a parameter set against a task's input schema.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.TaskParameterCheck")]
public sealed record TaskParameterCheck([property: Id(0)] IReadOnlyList<FieldError> Errors)
{
    public bool Valid => Errors.Count == 0;
}
