using System.Diagnostics.CodeAnalysis;

namespace MolDash.GrainInterfaces.Tasks;

/// <summary>The input control a form field needs.</summary>
[GenerateSerializer, Alias("MolDash.FormFieldKind")]
[SuppressMessage("Naming", "CA1720", Justification = "The kinds are named after the JSON Schema types a UI renders.")]
public enum FormFieldKind
{
    Text = 0,
    Number = 1,
    Integer = 2,
    Boolean = 3,
    Select = 4,
    File = 5,
    Array = 6,
    Object = 7,
}
