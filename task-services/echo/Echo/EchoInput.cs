using System.Text.Json;
using System.Text.Json.Nodes;

namespace MolDash.EchoService.Echo;

/// <summary>The echo operation's input, checked against the rules its OpenAPI schema states.</summary>
public sealed record EchoInput(string Message, int DelayMs, int FailTimes, EchoMode Mode, long? Seed)
{
    public const int MaxDelayMs = 600_000;

    /// <summary>The input, or null with <paramref name="errors"/> keyed by JSON pointer.</summary>
    public static EchoInput? Parse(JsonNode? body, Dictionary<string, string[]> errors)
    {
        if (body is not JsonObject input)
        {
            errors[""] = ["The input is a JSON object."];
            return null;
        }

        var message = input["message"] is JsonValue m && m.GetValueKind() == JsonValueKind.String ? m.GetValue<string>() : null;
        if (message is null)
        {
            errors["/message"] = ["message is required and is a string."];
        }

        var delayMs = Integer(input, "delayMs", 0, MaxDelayMs, errors);
        var failTimes = Integer(input, "failTimes", 0, int.MaxValue, errors);
        var seed = input["seed"] is null ? (long?)null : Integer(input, "seed", long.MinValue, long.MaxValue, errors);
        var mode = ModeOf(input["mode"], errors);
        return errors.Count == 0 ? new EchoInput(message!, (int)delayMs, (int)failTimes, mode, seed) : null;
    }

    private static long Integer(JsonObject input, string name, long min, long max, Dictionary<string, string[]> errors)
    {
        var node = input[name];
        if (node is null)
        {
            return 0;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors["/" + name] = [max == long.MaxValue ? $"{name} is an integer." : $"{name} is an integer from {min} to {max}."];
        return 0;
    }

    private static EchoMode ModeOf(JsonNode? node, Dictionary<string, string[]> errors)
    {
        var text = node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : node is null ? "ok" : null;
        switch (text)
        {
            case "ok":
                return EchoMode.Ok;
            case "error500":
                return EchoMode.Error500;
            case "malformed":
                return EchoMode.Malformed;
            case "async":
                return EchoMode.Async;
            case "reset":
                return EchoMode.Reset;
            case "die":
                return EchoMode.Die;
            default:
                errors["/mode"] = ["mode is one of ok, error500, malformed, async, reset, die."];
                return EchoMode.Ok;
        }
    }
}
