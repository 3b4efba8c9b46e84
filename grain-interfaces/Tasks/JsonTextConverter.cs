using System.Text.Json;
using System.Text.Json.Serialization;

namespace MolDash.GrainInterfaces.Tasks;

/// <summary>Reads any JSON value into a <see cref="JsonText"/> and writes it back verbatim.</summary>
public sealed class JsonTextConverter : JsonConverter<JsonText>
{
    public override JsonText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var value = JsonDocument.ParseValue(ref reader);
        return new JsonText(value.RootElement.GetRawText());
    }

    public override void Write(Utf8JsonWriter writer, JsonText value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Json);
}
