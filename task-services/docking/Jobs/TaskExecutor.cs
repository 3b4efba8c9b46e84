using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MolDash.Docking.Hosting;
using MolDash.Docking.Scheduling;
using MolDash.Docking.Validation;

namespace MolDash.Docking.Jobs;

/// <summary>
/// The request path every task shares: read and validate the body, honour Idempotency-Key, admit the
/// work to the slot queue (429 when full), then answer 200 with the output or 202 + Location.
/// </summary>
public sealed partial class TaskExecutor(
    JobStore jobs,
    IdempotencyStore idempotency,
    DockingSlots slots,
    IOptions<DockingJsonOptions> json)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public async Task<IResult> ExecuteAsync<TRequest>(HttpContext http, ITaskOperation<TRequest> operation)
        where TRequest : class
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var request = Deserialize<TRequest>(buffer.ToArray());
        var errors = new InputErrors();
        var key = http.Request.Headers[IdempotencyKeyHeader].ToString();
        if (key.Length > 0 && !ValidKey().IsMatch(key))
        {
            errors.Add(IdempotencyKeyHeader, "must be 1-255 printable ASCII characters.");
        }

        var slotItems = operation.Validate(request, errors);
        errors.ThrowIfAny();

        Job Start() => jobs.Start(operation.Name, slotItems > 0 ? slots.Admit(slotItems) : null, context => operation.RunAsync(request, context));
        Job job;
        if (key.Length > 0)
        {
            idempotency.Prune(id => jobs.Find(id) is not null);
            job = idempotency.GetOrStart(operation.Name, key, Convert.ToHexString(SHA256.HashData(buffer.ToArray())), Start);
        }
        else
        {
            job = Start();
        }

        if (PrefersAsync(http.Request) || operation.RunsLong(request))
        {
            http.Response.Headers["Preference-Applied"] = "respond-async";
            return job.Outcome is { } done && key.Length > 0
                ? new OutcomeResult(done, json.Value.Serializer)
                : TypedResults.Accepted("/jobs/" + job.Id, JobStatusDocument.Of(job));
        }

        try
        {
            await job.Completion.WaitAsync(http.RequestAborted);
        }
        catch (OperationCanceledException) when (key.Length == 0)
        {
            // Nobody else can ask for this run's answer: stop the engines.
            await job.Cancellation.CancelAsync();
            throw;
        }

        return new OutcomeResult(job.Outcome!, json.Value.Serializer);
    }

    private TRequest Deserialize<TRequest>(byte[] body)
        where TRequest : class
    {
        try
        {
            return (body.Length == 0 ? null : JsonSerializer.Deserialize<TRequest>(body, json.Value.Serializer))
                ?? throw new InputException("body", "must be a JSON object.");
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            throw new InputException(field, "has a value of the wrong type or the body is not valid JSON.");
        }
    }

    private static bool PrefersAsync(HttpRequest request) =>
        request.Headers["Prefer"].Any(p => p is not null && p.Contains("respond-async", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"^[\x21-\x7E]{1,255}$")]
    private static partial Regex ValidKey();
}
