using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Registry;

/// <summary>Either a contract, or the errors that stop the document from being one.</summary>
public sealed record TaskDocumentLoadResult(TaskContract? Contract, IReadOnlyList<FieldError> Errors)
{
    public static TaskDocumentLoadResult Failed(IReadOnlyList<FieldError> errors) => new(null, errors);
}
