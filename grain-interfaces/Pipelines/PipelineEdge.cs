namespace MolDash.GrainInterfaces.Pipelines;

/// <summary>Data flow: the value at <see cref="FromPointer"/> in one node's output goes to <see cref="ToPointer"/> in another's input.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.PipelineEdge")]
public sealed record PipelineEdge
{
    [Id(0)] public required string FromNode { get; init; }
    /// <summary>A JSON pointer into the output; "" for all of it.</summary>
    [Id(1)] public string FromPointer { get; init; } = "";
    [Id(2)] public required string ToNode { get; init; }
    /// <summary>A JSON pointer to a field of the target node's input, such as "/receptor".</summary>
    [Id(3)] public required string ToPointer { get; init; }
}
