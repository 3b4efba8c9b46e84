using System.Net;
using System.Text.Json.Nodes;

namespace MolDash.Integration.Tests.TaskServices;

/// <summary>One answer of the echo service, read whole.</summary>
public sealed record EchoAnswer(HttpStatusCode Status, string Body, Uri? Location)
{
    public JsonNode Json => JsonNode.Parse(Body)!;
}
