using System.Text.Json.Nodes;

namespace MolDash.EchoService.Echo;

/// <summary>One execution of the echo; <see cref="Completion"/> ends with its output.</summary>
public sealed record EchoRun(string Id, bool IsAsync, Task<JsonObject> Completion)
{
    public string Location => "/runs/" + Id;
}
