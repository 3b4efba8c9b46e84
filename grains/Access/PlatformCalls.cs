using MolDash.GrainInterfaces.Access;

namespace MolDash.Grains.Access;

/// <summary>
/// Grain calls made as the platform acting in another org, for the few places where one org's work uses
/// another's resources on purpose (a job running the task versions of another org's public pipeline).
/// The caller of the request is put back afterwards.
/// </summary>
public static class PlatformCalls
{
    public static async Task<T> InOrgAsync<T>(Guid orgId, Func<Task<T>> call)
    {
        var caller = CallerContext.Current;
        CallerContext.Set(Caller.PlatformIn(orgId));
        try
        {
            return await call();
        }
        finally
        {
            if (caller is null)
            {
                CallerContext.Clear();
            }
            else
            {
                CallerContext.Set(caller);
            }
        }
    }

    public static Task InOrgAsync(Guid orgId, Func<Task> call) =>
        InOrgAsync(orgId, async () =>
        {
            await call();
            return true;
        });
}
