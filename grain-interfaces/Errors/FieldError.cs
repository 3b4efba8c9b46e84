using System.Diagnostics.CodeAnalysis;

namespace MolDash.GrainInterfaces.Errors;

/// <summary>
/// One problem with one place in a submitted document: <see cref="Pointer"/> is an RFC 6901 JSON
/// pointer into that document ("" for the document as a whole).
/// </summary>
[GenerateSerializer, Immutable, Alias("MolDash.FieldError")]
[SuppressMessage("Naming", "CA1720", Justification = "Pointer is the RFC 6901 term clients look for.")]
public sealed record FieldError(
    [property: Id(0)] string Pointer,
    [property: Id(1)] string Message);
