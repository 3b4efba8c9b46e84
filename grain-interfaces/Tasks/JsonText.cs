using System.Text.Json.Serialization;

namespace MolDash.GrainInterfaces.Tasks;

/// <summary>
/// A JSON value carried as its text through grain calls (Orleans has no codec for JSON DOM types) and
/// written back as the value itself, not as a string, when the API serializes it.
/// </summary>
[GenerateSerializer, Immutable, Alias("MolDash.JsonText")]
[JsonConverter(typeof(JsonTextConverter))]
public sealed record JsonText([property: Id(0)] string Json);
