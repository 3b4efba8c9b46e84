using System.Text.Json.Nodes;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Tasks;

namespace MolDash.Grains.Registry;

/// <summary>
/// A validated task document and its chosen operation: what a task definition stores (as
/// <see cref="DocumentJson"/>) and what its form and parameter validation are derived from.
/// </summary>
public sealed class TaskContract
{
    private readonly JsonNode root;
    private IReadOnlyList<OutputFileField>? outputFiles;

    private TaskContract(JsonNode root, TaskOperation operation, TaskForm form)
    {
        this.root = root;
        Operation = operation;
        Form = form;
        DocumentJson = root.ToJsonString();
    }

    /// <summary>The document as compact JSON, whatever format it was submitted in.</summary>
    public string DocumentJson { get; }

    public TaskOperation Operation { get; }

    public TaskForm Form { get; }

    /// <summary>Where the output holds files, found once per contract.</summary>
    public IReadOnlyList<OutputFileField> OutputFiles => outputFiles ??= OutputFileFinder.Find(root, Operation);

    /// <summary>Builds the contract from a document already known to be valid, or reports why it is not.</summary>
    public static TaskContract? Create(JsonNode root, TaskOperation operation, List<FieldError> errors)
    {
        var form = new TaskFormGenerator(root).Generate(operation, errors);
        return form is null || errors.Count > 0 ? null : new TaskContract(root, operation, form);
    }

    public IReadOnlyList<FieldError> ValidateParameters(JsonNode? parameters) =>
        new ParameterValidator(root).Validate(Operation, parameters);
}
