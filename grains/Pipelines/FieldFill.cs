using System.Diagnostics.CodeAnalysis;

namespace MolDash.Grains.Pipelines;

/// <summary>A field of a node's input that an edge or an exposed input fills, and where in the graph that is said.</summary>
[SuppressMessage("Naming", "CA1720", Justification = "Pointer is the RFC 6901 term.")]
internal sealed record FieldFill(int Node, string Pointer, string At, string Source)
{
    /// <summary>Whether this fill gives the field at <paramref name="pointer"/>, or part of it, or the object around it.</summary>
    public bool Overlaps(string pointer) =>
        Pointer == pointer
        || pointer.StartsWith(Pointer + "/", StringComparison.Ordinal)
        || Pointer.StartsWith(pointer + "/", StringComparison.Ordinal);
}
