using System.Security.Cryptography;
using System.Text;

namespace MolDash.Api.Endpoints;

/// <summary>
/// The id of a job a request creates. With an <c>Idempotency-Key</c> header it is derived from the org,
/// the submitter and the key, so a client that retries a submission gets the same job, not a second one.
/// </summary>
public static class SubmittedJobId
{
    public const string Header = "Idempotency-Key";

    public static Guid For(Guid orgId, Guid userId, string? idempotencyKey)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey))
        {
            return Guid.NewGuid();
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{orgId:N}/{userId:N}/{idempotencyKey}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
