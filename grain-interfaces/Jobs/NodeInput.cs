namespace MolDash.GrainInterfaces.Jobs;

/// <summary>
/// A data-flow edge: the value at <paramref name="FromPointer"/> in node <paramref name="FromNode"/>'s
/// output is written at <paramref name="ToPointer"/> in this node's parameters before it runs.
/// </summary>
[GenerateSerializer, Immutable, Alias("MolDash.NodeInput")]
public sealed record NodeInput(
    [property: Id(0)] string FromNode,
    [property: Id(1)] string FromPointer,
    [property: Id(2)] string ToPointer);
