using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;
using MolDash.Grains.Tests.Infrastructure;
using Orleans.Core.Internal;
using Orleans.TestingHost;

namespace MolDash.Grains.Tests.Organizations;

[Collection(ClusterTestGroup.Name)]
public sealed class OrganizationInitialAdminTests(ClusterFixture fixture)
{
    private readonly TestCluster cluster = fixture.Cluster;

    [Fact]
    public async Task The_first_admin_gets_an_account_whose_password_is_shown_once_in_the_create_answer()
    {
        Callers.ActAs(Callers.Root());
        var id = Guid.NewGuid();
        var email = $"first-{id:N}@grain.test";
        var grain = cluster.Client.GetGrain<IOrganizationGrain>(id);

        var created = await grain.CreateAsync("First admin " + id, new InitialAdmin(email, "Ada"));
        var read = await grain.GetAsync();
        var repeated = await grain.CreateAsync("First admin " + id, new InitialAdmin(email, "Ada"));
        var retried = await grain.RetryProvisioningAsync();

        Assert.Equal(OrganizationStatus.Active, created.Status);
        var admin = created.InitialAdmin!;
        Assert.True(admin.AccountCreated);
        Assert.True(admin.PasswordShown);
        Assert.NotNull(admin.InitialPassword);
        Assert.True(admin.InitialPassword.Length >= 20);
        Assert.True(ClusterFixture.InitialAdmins.AdminMemberships.ContainsKey((id, admin.UserId!.Value)));
        Assert.All(new[] { read, repeated, retried }, view => Assert.Null(view.InitialAdmin!.InitialPassword));
        Assert.True(read.InitialAdmin!.PasswordShown);
        Assert.Contains(ClusterFixture.AuditLog.Entries, e => e.OrgId == id && e.Action == AuditActions.UserCreated && e.Target == admin.UserId.ToString());
    }

    [Fact]
    public async Task An_existing_account_joins_as_admin_and_keeps_its_password()
    {
        Callers.ActAs(Callers.Root());
        var id = Guid.NewGuid();
        var email = $"existing-{id:N}@grain.test";
        var existing = ClusterFixture.InitialAdmins.AddExisting(email);

        var created = await cluster.Client.GetGrain<IOrganizationGrain>(id).CreateAsync("Joined " + id, new InitialAdmin(email.ToUpperInvariant(), null));

        Assert.Equal(existing, created.InitialAdmin!.UserId);
        Assert.False(created.InitialAdmin.AccountCreated);
        Assert.Null(created.InitialAdmin.InitialPassword);
        Assert.Equal("existing", ClusterFixture.InitialAdmins.PasswordHashOf(email));
        Assert.True(ClusterFixture.InitialAdmins.AdminMemberships.ContainsKey((id, existing)));
    }

    [Fact]
    public async Task A_silo_dying_after_the_account_was_written_makes_no_second_account_and_the_retry_shows_the_password()
    {
        Callers.ActAs(Callers.Root());
        var id = Guid.NewGuid();
        var email = $"resumed-{id:N}@grain.test";
        ClusterFixture.InitialAdmins.FailAfterAccountOf[id] = true;
        var grain = cluster.Client.GetGrain<IOrganizationGrain>(id);

        var failed = await grain.CreateAsync("Resumed " + id, new InitialAdmin(email, null));
        var hashBefore = ClusterFixture.InitialAdmins.PasswordHashOf(email);
        ClusterFixture.InitialAdmins.Heal(id);
        var retried = await grain.RetryProvisioningAsync();

        Assert.Equal(OrganizationStatus.Failed, failed.Status);
        Assert.Equal(ProvisioningStep.InitialAdmin, failed.Failure!.Step);
        Assert.Contains("went away", failed.Failure.Reason, StringComparison.Ordinal);
        Assert.Null(failed.InitialAdmin!.InitialPassword);
        Assert.Equal(OrganizationStatus.Active, retried.Status);
        Assert.True(retried.InitialAdmin!.AccountCreated);
        Assert.NotNull(retried.InitialAdmin.InitialPassword);
        Assert.Equal(1, ClusterFixture.InitialAdmins.AccountsWith(email));
        // The first attempt's password was never shown, so the account now has the one the retry showed.
        Assert.NotEqual(hashBefore, ClusterFixture.InitialAdmins.PasswordHashOf(email));
    }

    [Fact]
    public async Task A_password_lost_unseen_with_its_activation_is_replaced_by_a_new_one_on_retry()
    {
        Callers.ActAs(Callers.Root());
        var id = Guid.NewGuid();
        var email = $"lost-{id:N}@grain.test";
        ClusterFixture.Catalog.FailActivationOnceOf(id);
        var grain = cluster.Client.GetGrain<IOrganizationGrain>(id);

        await Assert.ThrowsAnyAsync<Exception>(() => grain.CreateAsync("Lost " + id, new InitialAdmin(email, null)));
        var hashBefore = ClusterFixture.InitialAdmins.PasswordHashOf(email);
        await grain.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        var retried = await grain.RetryProvisioningAsync();

        Assert.Equal(OrganizationStatus.Active, retried.Status);
        Assert.NotNull(retried.InitialAdmin!.InitialPassword);
        Assert.NotEqual(hashBefore, ClusterFixture.InitialAdmins.PasswordHashOf(email));
        Assert.Null((await grain.RetryProvisioningAsync()).InitialAdmin!.InitialPassword);
    }

    [Fact]
    public async Task The_root_account_or_a_malformed_email_cannot_be_the_first_admin_and_leave_no_organization()
    {
        Callers.ActAs(Callers.Root());
        var grain = cluster.Client.GetGrain<IOrganizationGrain>(Guid.NewGuid());

        var root = await Assert.ThrowsAsync<MolDashException>(() => grain.CreateAsync("Root admin " + Guid.NewGuid(), new InitialAdmin(InMemoryInitialAdmins.RootEmail, null)));
        var malformed = await Assert.ThrowsAsync<MolDashException>(() => grain.CreateAsync("Bad admin " + Guid.NewGuid(), new InitialAdmin("two@a.test three@b.test", "\u0007")));

        Assert.Equal(ErrorKind.Validation, root.Kind);
        Assert.Equal("/admin/email", Assert.Single(root.Errors).Pointer);
        Assert.Equal(["/admin/email", "/admin/displayName"], malformed.Errors.Select(error => error.Pointer));
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<MolDashException>(grain.GetAsync)).Kind);
    }

    [Fact]
    public async Task Quotas_asked_for_at_creation_apply_from_the_start_and_impossible_ones_are_refused()
    {
        Callers.ActAs(Callers.Root());
        var quotas = OrganizationQuotas.Default with { MaxConcurrentJobs = 2, JobRetentionDays = 7 };

        var created = await cluster.Client.GetGrain<IOrganizationGrain>(Guid.NewGuid()).CreateAsync("Quoted " + Guid.NewGuid(), quotas: quotas);
        var refused = await Assert.ThrowsAsync<MolDashException>(() => cluster.Client.GetGrain<IOrganizationGrain>(Guid.NewGuid())
            .CreateAsync("Impossible " + Guid.NewGuid(), quotas: quotas with { MaxTaskReplicas = 0 }));

        Assert.Equal(quotas, created.Quotas);
        Assert.Contains(ClusterFixture.AuditLog.Entries, e => e.OrgId == created.Id && e.Action == AuditActions.OrganizationQuotasChanged);
        Assert.Equal(ErrorKind.Validation, refused.Kind);
    }
}
