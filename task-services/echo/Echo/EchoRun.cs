using System.Text.Json.Nodes;

namespace MolDash.EchoService.Echo;

/// <summary>One execution of the echo; <see cref="Completion"/> ends with its output.</summary>
/// <param name="Cancellation">Stops the run (DELETE /runs/{id} for an asynchronous one).</param>
public sealed record EchoRun(string Id, bool IsAsync, Task<JsonObject> Completion, CancellationTokenSource Cancellation)
{
    public string Location => "/runs/" + Id;
}
