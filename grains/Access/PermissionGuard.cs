using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Access;

/// <summary>
/// The grains' checks of the caller's permissions (see <see cref="MolDashPermissions"/>). Root and the
/// platform hold every permission; a member holds those of their token, which the access filter has
/// already matched with their live membership.
/// </summary>
public static class PermissionGuard
{
    /// <param name="what">What is refused, as the end of "… is needed to …".</param>
    public static Caller Require(string permission, string what)
    {
        var caller = CallerContext.Current!;
        return caller.Has(permission)
            ? caller
            : throw new MolDashException(ErrorKind.Forbidden, $"The {permission} permission is needed to {what}.");
    }

    /// <summary>Running creates a job (job.create) and runs each of the tasks (task.execute on all, the task, or its category).</summary>
    public static void RequireRun(IEnumerable<(string Name, string Category)> tasks)
    {
        var caller = Require(MolDashPermissions.JobCreate, "run tasks and pipelines");
        var refused = tasks.Where(task => !caller.MayExecute(task.Name, task.Category)).Distinct().ToList();
        if (refused.Count > 0)
        {
            throw new MolDashException(ErrorKind.Forbidden,
                "You may not run " + string.Join(", ", refused.Select(task => $"task {task.Name} (category {task.Category})")) +
                $": it needs {MolDashPermissions.TaskExecute}, {MolDashPermissions.TaskExecuteScope}<task name> or " +
                $"{MolDashPermissions.TaskExecuteScope}{MolDashPermissions.CategoryScope}<category>.");
        }
    }
}
