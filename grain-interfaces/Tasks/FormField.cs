using System.Diagnostics.CodeAnalysis;

namespace MolDash.GrainInterfaces.Tasks;

/// <summary>
/// One input of a task's generated form. <see cref="Pointer"/> is where its value goes in the
/// parameter document (and where validation errors for it point).
/// </summary>
[GenerateSerializer, Immutable, Alias("MolDash.FormField")]
[SuppressMessage("Naming", "CA1720", Justification = "Pointer is the RFC 6901 term clients look for.")]
public sealed record FormField
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required string Pointer { get; init; }
    [Id(2)] public required FormFieldKind Kind { get; init; }
    [Id(3)] public required string Label { get; init; }
    [Id(4)] public string? Description { get; init; }
    [Id(5)] public bool Required { get; init; }
    [Id(6)] public int Order { get; init; }
    [Id(7)] public JsonText? Default { get; init; }
    [Id(8)] public double? Minimum { get; init; }
    [Id(9)] public double? Maximum { get; init; }
    [Id(10)] public bool ExclusiveMinimum { get; init; }
    [Id(11)] public bool ExclusiveMaximum { get; init; }
    [Id(12)] public int? MinLength { get; init; }
    [Id(13)] public int? MaxLength { get; init; }
    [Id(14)] public string? Pattern { get; init; }
    [Id(15)] public string? Format { get; init; }
    [Id(16)] public IReadOnlyList<JsonText> Examples { get; init; } = [];
    [Id(17)] public IReadOnlyList<JsonText> Options { get; init; } = [];
    [Id(18)] public IReadOnlyList<string> AcceptedFormats { get; init; } = [];
    /// <summary>For a file given inline as text: the sibling field that names its format.</summary>
    [Id(19)] public string? FormatField { get; init; }
    [Id(20)] public bool Nullable { get; init; }
    [Id(21)] public int? MinItems { get; init; }
    [Id(22)] public int? MaxItems { get; init; }
    /// <summary>For arrays: the form of one item.</summary>
    [Id(23)] public FormField? Items { get; init; }
    /// <summary>For nested objects: their fields, in order.</summary>
    [Id(24)] public IReadOnlyList<FormField> Fields { get; init; } = [];
}
