using System.Diagnostics.CodeAnalysis;

namespace MolDash.GrainInterfaces.Pipelines;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Pointer is the RFC 6901 term clients look for.")]
[GenerateSerializer, Immutable, Alias("MolDash.PipelineInputTarget")]
[SuppressMessage("Naming", "CA1720", Justification = "Pointer is the RFC 6901 term clients look for.")]
public sealed record PipelineInputTarget(
    [property: Id(0)] string NodeId,
    [property: Id(1)] string Pointer);
