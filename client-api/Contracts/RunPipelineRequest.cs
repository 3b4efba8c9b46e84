using System.Text.Json;
using MolDash.GrainInterfaces.TaskServices;

namespace MolDash.Api.Contracts;

/// <summary>A pipeline run: its exposed inputs by name, a priority, and whether to skip the cache.</summary>
public sealed record RunPipelineRequest(JsonElement? Inputs, RunPriority? Priority, bool? Refresh);
