using System.Text.RegularExpressions;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Tasks;

namespace MolDash.Grains.Tasks;

/// <summary>
/// The limits on a task version's metadata and deployment, reported as field errors with pointers into
/// the request ("/deployment/cpu").
/// </summary>
public static partial class TaskDraftRules
{
    public const int MaxDescriptionLength = 2000;
    public const int MaxCategoryLength = 50;
    public const int MaxTags = 20;
    public const int MaxTagLength = 30;
    public const int MaxReasonLength = 500;
    public const string DefaultCategory = "general";

    public static List<FieldError> Check(TaskDefinitionDraft draft)
    {
        var errors = new List<FieldError>();
        void Require(bool condition, string at, string message)
        {
            if (!condition)
            {
                errors.Add(new FieldError(at, message));
            }
        }

        Require(draft.Description.Length <= MaxDescriptionLength, "/description", $"At most {MaxDescriptionLength} characters.");
        Require(draft.Category.Length <= MaxCategoryLength && !draft.Category.Any(char.IsControl), "/category", $"At most {MaxCategoryLength} printable characters.");
        Require(draft.Tags.Count <= MaxTags, "/tags", $"At most {MaxTags} tags.");
        for (var i = 0; i < draft.Tags.Count; i++)
        {
            Require(TagPattern().IsMatch(draft.Tags[i]) && draft.Tags[i].Length <= MaxTagLength, $"/tags/{i}",
                $"A tag is 1 to {MaxTagLength} lower-case letters, digits, '-' or '.'.");
        }

        var deployment = draft.Deployment;
        Require(ImagePattern().IsMatch(deployment.Image), "/deployment/image", "A container image reference such as registry.example.com/docking:1.2.0 is required.");
        Require(deployment.Cpu is >= 0.1 and <= 64, "/deployment/cpu", "Between 0.1 and 64 cores.");
        Require(deployment.MemoryMb is >= 64 and <= 262_144, "/deployment/memoryMb", "Between 64 and 262144 MiB.");
        Require(deployment.Gpu is >= 0 and <= 8, "/deployment/gpu", "Between 0 and 8 GPUs.");
        Require(deployment.Replicas is >= 1 and <= 50, "/deployment/replicas", "Between 1 and 50 replicas.");
        Require(deployment.TimeoutSeconds is >= 1 and <= 86_400, "/deployment/timeoutSeconds", "Between 1 second and 1 day.");
        Require(deployment.MaxAttempts is >= 1 and <= 10, "/deployment/maxAttempts", "Between 1 and 10 attempts.");
        foreach (var name in deployment.Env.Keys.Where(name => !EnvNamePattern().IsMatch(name)))
        {
            errors.Add(new FieldError($"/deployment/env/{name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}",
                "An environment variable name is letters, digits and '_', not starting with a digit."));
        }

        return errors;
    }

    public static TaskDefinitionDraft Normalize(TaskDefinitionDraft draft) => draft with
    {
        Description = draft.Description.Trim(),
        Category = string.IsNullOrWhiteSpace(draft.Category) ? DefaultCategory : draft.Category.Trim().ToLowerInvariant(),
        Tags = [.. draft.Tags.Select(tag => tag.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal)],
        OperationId = string.IsNullOrWhiteSpace(draft.OperationId) ? null : draft.OperationId.Trim(),
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*$")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._/:@-]{0,254}$")]
    private static partial Regex ImagePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvNamePattern();
}
