using System.Text.Json;
using System.Text.Json.Serialization;

namespace MolDash.Api.Errors;

/// <summary>
/// Refuses request text holding U+0000: PostgreSQL stores no NUL in text or jsonb, so such a name or
/// description would otherwise fail deep in a grain as a 500. The refusal is the body's 400.
/// </summary>
public sealed class NulFreeStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && text.Contains('\0', StringComparison.Ordinal)
            ? throw new JsonException("Text may not contain the NUL character (U+0000).")
            : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
