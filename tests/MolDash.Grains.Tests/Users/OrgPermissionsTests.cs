using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Errors;
using MolDash.Grains.Users;

namespace MolDash.Grains.Tests.Users;

public sealed class OrgPermissionsTests
{
    private static readonly string[] Admin = [MolDashRoles.Admin];
    private static readonly string[] Standard = [MolDashRoles.Standard];

    [Fact]
    public void Admins_hold_every_permission_and_standard_users_may_create_jobs_and_run_any_task()
    {
        Assert.Equal(MolDashPermissions.All.Order(StringComparer.Ordinal), OrgPermissions.Effective(Admin, [], []));
        Assert.Equal([MolDashPermissions.JobCreate, MolDashPermissions.TaskExecute], OrgPermissions.Effective(Standard, [], []));
        Assert.Equal([MolDashRoles.Admin], OrgPermissions.RolesGranting(MolDashPermissions.UserManage));
        Assert.Equal([MolDashRoles.Admin, MolDashRoles.Standard], OrgPermissions.RolesGranting(MolDashPermissions.JobCreate));
    }

    [Fact]
    public void Grants_add_to_the_defaults_and_withholdings_take_away()
    {
        var effective = OrgPermissions.Effective(Standard, ["audit.read", "task.execute:dock"], [MolDashPermissions.TaskExecute]);

        Assert.Equal(["audit.read", "job.create", "task.execute:dock"], effective);
    }

    [Fact]
    public void Entries_are_normalised_scoped_task_permissions_included()
    {
        var (grant, withhold) = OrgPermissions.Validate([" Audit.Read ", "TASK.EXECUTE:Dock", "task.execute:category/Docking", "audit.read"], ["task.execute"]);

        Assert.Equal(["audit.read", "task.execute:category/docking", "task.execute:dock"], grant);
        Assert.Equal(["task.execute"], withhold);
    }

    [Theory]
    [InlineData("task.run", null, "/grant/0")]
    [InlineData("task.execute:Not A Name", null, "/grant/0")]
    [InlineData("task.execute:category/", null, "/grant/0")]
    [InlineData(null, "task.execute:dock", "/withhold/0")]
    [InlineData("audit.read", "audit.read", "/withhold")]
    public void Unknown_unscoped_withholdings_and_contradictions_are_refused_at_their_entry(string? grant, string? withhold, string field)
    {
        var error = Assert.Throws<MolDashException>(() => OrgPermissions.Validate(
            grant is null ? [] : [grant], withhold is null ? [] : [withhold]));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Contains(error.Errors, e => e.Pointer == field);
    }

    [Fact]
    public void A_caller_may_run_a_task_by_all_by_name_or_by_category()
    {
        static Caller With(params string[] permissions) => new(Guid.NewGuid(), Guid.NewGuid(), Standard) { Permissions = permissions };

        Assert.True(With("task.execute").MayExecute("dock", "docking"));
        Assert.True(With("task.execute:dock").MayExecute("dock", "docking"));
        Assert.True(With("task.execute:category/docking").MayExecute("dock", "Docking"));
        Assert.False(With("task.execute:score", "task.execute:category/scoring").MayExecute("dock", "docking"));
        Assert.True(new Caller(Guid.NewGuid(), null, [MolDashRoles.Root]).MayExecute("dock", "docking"));
    }
}
