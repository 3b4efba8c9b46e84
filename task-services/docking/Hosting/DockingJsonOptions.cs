using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MolDash.Docking.Hosting;

/// <summary>The one JSON shape of the service: camelCase, nulls left out, unknown members refused.</summary>
public sealed class DockingJsonOptions
{
    public JsonSerializerOptions Serializer { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,

        // Molecule files carry quotes and '+' charges; keep them readable (the body is JSON, never HTML).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
