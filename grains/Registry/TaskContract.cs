using System.Collections.Concurrent;
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

    // A document never changes: each field's schema is resolved once (every pipeline run checks its inputs against them).
    private readonly ConcurrentDictionary<string, ResolvedSchema?> inputSchemas = new(StringComparer.Ordinal);
    private IReadOnlyList<OutputFileField>? outputFiles;
    private SchemaResolver? schemas;

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

    /// <summary>Follows references within this document (schemas of one contract resolve only in its own document).</summary>
    public SchemaResolver Schemas => schemas ??= new SchemaResolver(root);

    /// <summary>Builds the contract from a document already known to be valid, or reports why it is not.</summary>
    public static TaskContract? Create(JsonNode root, TaskOperation operation, List<FieldError> errors)
    {
        var form = new TaskFormGenerator(root).Generate(operation, errors);
        return form is null || errors.Count > 0 ? null : new TaskContract(root, operation, form);
    }

    public IReadOnlyList<FieldError> ValidateParameters(JsonNode? parameters) =>
        new ParameterValidator(root).Validate(Operation, parameters);

    /// <summary>Validates, telling <paramref name="missingRequired"/> of each missing required field instead of reporting it.</summary>
    public IReadOnlyList<FieldError> ValidateParameters(JsonNode? parameters, Action<string> missingRequired) =>
        new ParameterValidator(root, missingRequired).Validate(Operation, parameters);

    /// <summary>Checks a value against a schema of this document (one found with <see cref="InputSchemaAt"/>).</summary>
    public IReadOnlyList<FieldError> ValidateValue(ResolvedSchema schema, JsonNode? value, string at) =>
        new ParameterValidator(root).ValidateValue(schema, value, at);

    /// <summary>The schema of the input field at a value pointer ("/center/x"), or null when the input has no such field.</summary>
    public ResolvedSchema? InputSchemaAt(string valuePointer) =>
        inputSchemas.GetOrAdd(valuePointer, pointer => Schemas.ResolveAt(Operation.InputSchemaPointer, pointer));

    /// <summary>The schema of the output value at a pointer ("" for the whole output), or null when the output has none.</summary>
    public ResolvedSchema? OutputSchemaAt(string valuePointer) => Schemas.ResolveAt(Operation.OutputSchemaPointer, valuePointer);

    /// <summary>A form field for an input field's schema, as the task's own form would show it.</summary>
    public FormField? FieldFromSchema(string name, ResolvedSchema schema, string valuePointer) =>
        new TaskFormGenerator(root).FieldFromSchema(name, schema, valuePointer, []);
}
