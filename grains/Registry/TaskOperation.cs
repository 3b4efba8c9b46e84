namespace MolDash.Grains.Registry;

/// <summary>The operation a task runs, and where its input and output schemas are in the document.</summary>
public sealed record TaskOperation(string OperationId, string Path, string InputSchemaPointer, string OutputSchemaPointer);
