namespace MolDash.GrainInterfaces.Access;

/// <summary>
/// The fine-grained permissions a member holds in an org. Each role brings a default set; an Admin grants
/// extra ones or withholds some per user. <see cref="TaskExecute"/> may be narrowed to one task
/// ("task.execute:dock") or to a category ("task.execute:category/docking").
/// </summary>
public static class MolDashPermissions
{
    public const string JobCreate = "job.create";
    public const string TaskExecute = "task.execute";
    public const string TaskDefine = "task.define";
    public const string PipelineEdit = "pipeline.edit";
    public const string PipelinePublish = "pipeline.publish";
    public const string CacheManage = "cache.manage";
    public const string AuditRead = "audit.read";
    public const string UserManage = "user.manage";

    /// <summary>What follows it narrows <see cref="TaskExecute"/> to a task name or, after <see cref="CategoryScope"/>, a category.</summary>
    public const string TaskExecuteScope = TaskExecute + ":";
    public const string CategoryScope = "category/";

    /// <summary>Every unscoped permission.</summary>
    public static IReadOnlyList<string> All { get; } =
        [JobCreate, TaskExecute, TaskDefine, PipelineEdit, PipelinePublish, CacheManage, AuditRead, UserManage];

    public static string ExecuteTask(string taskName) => TaskExecuteScope + taskName;

    /// <summary>Categories are stored lower-case, so their permission is too.</summary>
    public static string ExecuteCategory(string category) => TaskExecuteScope + CategoryScope + category.Trim().ToLowerInvariant();
}
