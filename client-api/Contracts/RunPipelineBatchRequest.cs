using System.Text.Json;
using MolDash.GrainInterfaces.TaskServices;

namespace MolDash.Api.Contracts;

/// <summary>
/// One pipeline version over a library: each item (the inputs that differ, such as a ligand) is merged over
/// the shared <see cref="Inputs"/> (an item's field wins) and runs as its own sub-graph of one job.
/// </summary>
public sealed record RunPipelineBatchRequest(JsonElement? Inputs, IReadOnlyList<JsonElement>? Items, RunPriority? Priority, bool? Refresh);
