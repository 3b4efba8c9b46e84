using System.Text.Json;
using MolDash.GrainInterfaces.TaskServices;

namespace MolDash.Api.Contracts;

/// <summary>
/// A schedule for a pipeline version with fixed inputs: a cron expression (five fields, or six with seconds)
/// read in an IANA time zone (UTC by default), or an interval in seconds. <see cref="Owner"/> names the org of
/// another org's public pipeline.
/// </summary>
public sealed record CreateScheduleRequest(
    string? Pipeline, string? Version, Guid? Owner, JsonElement? Inputs, RunPriority? Priority, string? Cron, string? TimeZone, int? IntervalSeconds);
