using System.Text.Json;
using MolDash.GrainInterfaces.TaskServices;

namespace MolDash.Api.Contracts;

/// <summary>One run of a task: its parameters (checked against the task's input schema) and priority.</summary>
public sealed record RunTaskRequest(JsonElement? Parameters, RunPriority? Priority);
