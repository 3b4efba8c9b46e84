using System.Text.Json;
using MolDash.GrainInterfaces.TaskServices;

namespace MolDash.Api.Contracts;

/// <summary>
/// One task over many parameter sets: each item is merged over the shared <see cref="Parameters"/>
/// (an item's field wins) and runs as its own node; an item that fails does not stop the others.
/// </summary>
public sealed record BatchRunRequest(JsonElement? Parameters, IReadOnlyList<JsonElement>? Items, RunPriority? Priority);
