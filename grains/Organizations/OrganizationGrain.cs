using System.Data.Common;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;
using MolDash.GrainInterfaces.Users;
using MolDash.Grains.Audit;
using MolDash.Grains.Users;

namespace MolDash.Grains.Organizations;

/// <summary>
/// An organization, its provisioning and its deletion. Each step is recorded in the grain's state once done,
/// so a retry (or the reminder, after a silo died mid-way) resumes where it stopped; every step may be repeated.
/// </summary>
[GrainType("moldash-organization")]
public sealed class OrganizationGrain(
    [PersistentState(OrganizationGrain.StateName, GrainStorageNames.Default)] IPersistentState<OrganizationState> state,
    IOrganizationCatalog catalog,
    IOrgResources resources,
    IInitialAdmins initialAdmins,
    InitialAdminAccounts adminAccounts,
    OrganizationDeletionSteps deletionSteps,
    Auditor auditor,
    TimeProvider time) : Grain, IOrganizationGrain, IOrgOwned, IRemindable
{
    public const string StateName = "organization";
    public const int MaxNameLength = 100;
    public const int MaxDisplayNameLength = 100;
    private const string ProvisioningReminder = "provisioning";
    private const string DeletionReminder = "deletion";
    private static readonly ProvisioningStep[] Steps = Enum.GetValues<ProvisioningStep>();
    private static readonly DeletionStep[] DeletionSteps = Enum.GetValues<DeletionStep>();

    /// <summary>
    /// The first Admin's initial password until Root is shown it. Only ever in memory: lost with the
    /// activation, after which a provisioning retry sets a new one.
    /// </summary>
    private string? unshownPassword;

    public Guid OwnerOrgId => this.GetPrimaryKey();

    public async Task<OrganizationView> CreateAsync(string name, InitialAdmin? admin = null, OrganizationQuotas? quotas = null)
    {
        var caller = RequireRoot("create organizations");
        var trimmed = ValidateName(name);
        var firstAdmin = admin is null ? null : ValidateAdmin(admin);
        if (quotas is not null)
        {
            QuotaRules.Validate(quotas);
        }

        if (state.State.Exists)
        {
            return string.Equals(state.State.Name, trimmed, StringComparison.Ordinal)
                ? await HandOverAsync()
                : throw new MolDashException(ErrorKind.Conflict, $"Organization {OwnerOrgId} already exists.");
        }

        if (firstAdmin is not null && await initialAdmins.IsRootAccountAsync(firstAdmin.Email))
        {
            throw MolDashException.Invalid("The Root account cannot be an organization's Admin.",
                [new FieldError("/admin/email", "This is the Root account, which acts in every organization without joining one.")]);
        }

        var createdAt = time.GetUtcNow();
        // The catalog row reserves the name first, so a failed reservation leaves no grain state behind;
        // the row says "provisioning" until every step is done.
        await catalog.ReserveAsync(OwnerOrgId, trimmed, createdAt, caller.UserId);

        state.State.Exists = true;
        state.State.Name = trimmed;
        state.State.Status = OrganizationStatus.Provisioning;
        state.State.CreatedAt = createdAt;
        state.State.CreatedBy = caller.UserId;
        state.State.InitialAdmin = firstAdmin;
        state.State.RequestedQuotas = quotas;
        await state.WriteStateAsync();
        await auditor.RecordAsync(AuditActions.OrganizationCreated, OwnerOrgId.ToString(), AuditOutcome.Succeeded,
            orgId: OwnerOrgId, details: new Dictionary<string, string?> { ["name"] = trimmed, ["admin"] = firstAdmin?.Email });

        await this.RegisterOrUpdateReminder(ProvisioningReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await ProvisionAsync();
        return await HandOverAsync();
    }

    public Task<OrganizationView> GetAsync() =>
        state.State.Exists ? Task.FromResult(ToView()) : throw MolDashException.NotFound("The organization");

    public Task<OrganizationQuotas> GetQuotasAsync() =>
        Task.FromResult(state.State.Exists ? state.State.Quotas.Effective() : OrganizationQuotas.Default);

    public async Task<OrganizationView> RetryProvisioningAsync()
    {
        RequireRoot("retry provisioning");
        EnsureNotDeleting();
        if (state.State.Status is OrganizationStatus.Failed or OrganizationStatus.Provisioning)
        {
            await ProvisionAsync();
        }

        if (state.State.InitialAdmin is { AccountCreated: true, PasswordShown: false, UserId: { } userId } admin && unshownPassword is null)
        {
            // The password was made but lost with a silo before anyone saw it: nobody can know it, so a new one replaces it.
            unshownPassword = await adminAccounts.ReissueAsync(userId, admin.Email);
        }

        return await HandOverAsync();
    }

    public async Task<OrganizationView> SetQuotasAsync(OrganizationQuotas quotas)
    {
        RequireRoot("change quotas");
        EnsureNotDeleting();
        QuotaRules.Validate(quotas);

        var previous = state.State.Quotas;
        state.State.Quotas = quotas;
        await state.WriteStateAsync();
        await auditor.RecordAsync(AuditActions.OrganizationQuotasChanged, OwnerOrgId.ToString(), AuditOutcome.Succeeded, OwnerOrgId,
            new Dictionary<string, string?> { ["from"] = previous.ToString(), ["to"] = quotas.ToString() });
        return ToView();
    }

    public async Task<OrganizationView> SetSuspendedAsync(bool suspended)
    {
        RequireRoot(suspended ? "suspend organizations" : "reactivate organizations");
        EnsureNotDeleting();
        var (from, to) = suspended
            ? (OrganizationStatus.Active, OrganizationStatus.Suspended)
            : (OrganizationStatus.Suspended, OrganizationStatus.Active);
        if (state.State.Status == to)
        {
            return ToView();
        }

        if (state.State.Status != from)
        {
            throw new MolDashException(ErrorKind.Conflict, $"The organization is {state.State.Status}, not {from}.");
        }

        state.State.Status = to;
        await state.WriteStateAsync();
        await catalog.SetStatusAsync(OwnerOrgId, to);
        await GrainFactory.GetGrain<IOrgUsersGrain>(OwnerOrgId).RefreshMembershipsAsync();
        await auditor.RecordAsync(suspended ? AuditActions.OrganizationSuspended : AuditActions.OrganizationReactivated,
            OwnerOrgId.ToString(), AuditOutcome.Succeeded, OwnerOrgId);
        return ToView();
    }

    public async Task<OrganizationView?> DeleteAsync()
    {
        var caller = RequireRoot("delete organizations");
        EnsureExists();
        if (state.State.Status != OrganizationStatus.Deleting)
        {
            await RefuseWhileJobsRunAsync();
            state.State.Status = OrganizationStatus.Deleting;
            state.State.Deletion = new DeletionState { RequestedAt = time.GetUtcNow(), RequestedBy = caller.UserId };
            unshownPassword = null;
            await state.WriteStateAsync();
            await auditor.RecordAsync(AuditActions.OrganizationDeletionRequested, OwnerOrgId.ToString(), AuditOutcome.Succeeded, OwnerOrgId,
                new Dictionary<string, string?> { ["name"] = state.State.Name });
            await this.RegisterOrUpdateReminder(DeletionReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            await UnregisterReminderAsync(ProvisioningReminder);
        }

        return await DeleteStepsAsync() ? null : ToView();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ProvisioningReminder && state.State.Status == OrganizationStatus.Provisioning)
        {
            await ProvisionAsync();
        }
        else if (reminderName == DeletionReminder && state.State.Status == OrganizationStatus.Deleting)
        {
            await DeleteStepsAsync();
        }
        else
        {
            await UnregisterReminderAsync(reminderName);
        }
    }

    private async Task ProvisionAsync()
    {
        state.State.Status = OrganizationStatus.Provisioning;
        state.State.Failure = null;
        foreach (var step in Steps.Where(step => !state.State.CompletedSteps.Contains(step)))
        {
            try
            {
                await RunAsync(step);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await FailAsync(step, e);
                return;
            }

            state.State.CompletedSteps.Add(step);
            await state.WriteStateAsync();
        }

        // The catalog first: should it fail, the grain still says provisioning and a retry finishes both.
        await catalog.SetStatusAsync(OwnerOrgId, OrganizationStatus.Active);
        state.State.Status = OrganizationStatus.Active;
        await state.WriteStateAsync();
        if (state.State.InitialAdmin?.UserId is { } adminId)
        {
            // Read while the org was still provisioning, an existing account's live status would say "not active" for a while.
            await GrainFactory.GetGrain<IMembershipGrain>(MembershipKey.For(OwnerOrgId, adminId)).InvalidateAsync();
        }

        await auditor.RecordAsync(AuditActions.OrganizationProvisioned, OwnerOrgId.ToString(), AuditOutcome.Succeeded, OwnerOrgId);
        await UnregisterReminderAsync(ProvisioningReminder);
    }

    private Task RunAsync(ProvisioningStep step) => step switch
    {
        ProvisioningStep.ResultsDatabase => resources.EnsureResultsDatabaseAsync(OwnerOrgId, CancellationToken.None),
        ProvisioningStep.BlobContainer => resources.EnsureBlobContainerAsync(OwnerOrgId, CancellationToken.None),
        ProvisioningStep.InitialAdmin => MakeInitialAdminAsync(),
        ProvisioningStep.Quotas => ApplyRequestedQuotasAsync(),
        _ => throw new InvalidOperationException($"No provisioning for {step}."),
    };

    /// <summary>Nothing to do for an org created without a first Admin.</summary>
    private async Task MakeInitialAdminAsync()
    {
        if (state.State.InitialAdmin is not { } admin)
        {
            return;
        }

        var (account, password) = await adminAccounts.EnsureAsync(OwnerOrgId, admin);
        admin.UserId = account.UserId;
        admin.AccountCreated = account.AccountCreated;
        unshownPassword = password;
        await auditor.RecordAsync(AuditActions.UserCreated, account.UserId.ToString(), AuditOutcome.Succeeded, OwnerOrgId,
            new Dictionary<string, string?>
            {
                ["email"] = admin.Email, ["roles"] = MolDashRoles.Admin, ["newAccount"] = account.AccountCreated.ToString(), ["by"] = "provisioning",
            });
    }

    private async Task ApplyRequestedQuotasAsync()
    {
        if (state.State.RequestedQuotas is not { } requested)
        {
            return;
        }

        var previous = state.State.Quotas;
        state.State.Quotas = requested;
        state.State.RequestedQuotas = null;
        await auditor.RecordAsync(AuditActions.OrganizationQuotasChanged, OwnerOrgId.ToString(), AuditOutcome.Succeeded, OwnerOrgId,
            new Dictionary<string, string?> { ["from"] = previous.ToString(), ["to"] = requested.ToString(), ["by"] = "provisioning" });
    }

    /// <summary>
    /// Records the failed step with a reason a person can act on; the infrastructure exception itself has no
    /// Orleans codec and its details stay in the silo's log.
    /// </summary>
    private async Task FailAsync(ProvisioningStep step, Exception error)
    {
        var reason = $"{step} could not be created: {error.GetType().Name}: {error.Message}";
        state.State.Status = OrganizationStatus.Failed;
        state.State.Failure = new ProvisioningFailure(step, reason, time.GetUtcNow());
        await state.WriteStateAsync();
        await catalog.SetStatusAsync(OwnerOrgId, OrganizationStatus.Failed);
        await auditor.RecordAsync(AuditActions.OrganizationProvisioned, OwnerOrgId.ToString(), AuditOutcome.Failed, OwnerOrgId,
            new Dictionary<string, string?> { ["step"] = step.ToString(), ["reason"] = reason });
        await UnregisterReminderAsync(ProvisioningReminder);
    }

    /// <summary>A job still running would write into the database being dropped; its owner decides whether to cancel it.</summary>
    private async Task RefuseWhileJobsRunAsync()
    {
        if (!state.State.CompletedSteps.Contains(ProvisioningStep.ResultsDatabase))
        {
            return;
        }

        long unfinished;
        try
        {
            unfinished = await resources.CountUnfinishedJobsAsync(OwnerOrgId, CancellationToken.None);
        }
        catch (DbException e)
        {
            throw new MolDashException(ErrorKind.Unavailable,
                $"The organization's results database cannot be read to check for unfinished jobs ({e.Message}); try again.");
        }

        if (unfinished > 0)
        {
            throw new MolDashException(ErrorKind.Conflict,
                $"The organization has {unfinished} pending or running job(s); cancel them or let them finish, then delete it.");
        }
    }

    /// <returns>True when every step is done and the organization is gone.</returns>
    private async Task<bool> DeleteStepsAsync()
    {
        var deletion = state.State.Deletion!;
        deletion.FailedStep = null;
        deletion.FailureReason = null;
        foreach (var step in DeletionSteps.Where(step => !deletion.CompletedSteps.Contains(step)))
        {
            try
            {
                await deletionSteps.RunAsync(OwnerOrgId, state.State.Name, deletion, step);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The reminder tries again; so does repeating the delete request.
                deletion.FailedStep = step;
                deletion.FailureReason = $"{step} could not be deleted: {e.GetType().Name}: {e.Message}";
                await state.WriteStateAsync();
                await auditor.RecordAsync(AuditActions.OrganizationDeleted, OwnerOrgId.ToString(), AuditOutcome.Failed, OwnerOrgId,
                    new Dictionary<string, string?> { ["step"] = step.ToString(), ["reason"] = deletion.FailureReason });
                return false;
            }

            deletion.CompletedSteps.Add(step);
            await state.WriteStateAsync();
        }

        await auditor.RecordAsync(AuditActions.OrganizationDeleted, OwnerOrgId.ToString(), AuditOutcome.Succeeded, OwnerOrgId,
            new Dictionary<string, string?> { ["name"] = state.State.Name });
        await state.ClearStateAsync();
        await UnregisterReminderAsync(DeletionReminder);
        DeactivateOnIdle();
        return true;
    }

    private async Task UnregisterReminderAsync(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>The view for Root, with the first Admin's initial password the first time it can be shown.</summary>
    private async Task<OrganizationView> HandOverAsync()
    {
        var view = ToView();
        if (unshownPassword is null || state.State.InitialAdmin is not { } admin)
        {
            return view;
        }

        // Recorded as shown before it is: a lost answer means a new password (by a retry), never a second showing.
        admin.PasswordShown = true;
        await state.WriteStateAsync();
        var password = unshownPassword;
        unshownPassword = null;
        return view with { InitialAdmin = view.InitialAdmin! with { PasswordShown = true, InitialPassword = password } };
    }

    private void EnsureExists()
    {
        if (!state.State.Exists)
        {
            throw MolDashException.NotFound("The organization");
        }
    }

    private void EnsureNotDeleting()
    {
        EnsureExists();
        if (state.State.Status == OrganizationStatus.Deleting)
        {
            throw new MolDashException(ErrorKind.Conflict, "The organization is being deleted.");
        }
    }

    private static Caller RequireRoot(string what)
    {
        var caller = CallerContext.Current!;
        return caller.IsRoot ? caller : throw new MolDashException(ErrorKind.Forbidden, $"Only Root can {what}.");
    }

    private static string ValidateName(string name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > MaxNameLength || trimmed.Any(char.IsControl))
        {
            throw new MolDashException(ErrorKind.Validation,
                $"An organization name must be 1 to {MaxNameLength} printable characters.");
        }

        return trimmed;
    }

    private static InitialAdminState ValidateAdmin(InitialAdmin admin)
    {
        var errors = new List<FieldError>();
        var email = EmailAddresses.Normalize(admin.Email);
        if (email is null)
        {
            errors.Add(new FieldError("/admin/email", "A single email address."));
        }

        var displayName = admin.DisplayName?.Trim() ?? "";
        if (displayName.Length > MaxDisplayNameLength || displayName.Any(char.IsControl))
        {
            errors.Add(new FieldError("/admin/displayName", $"At most {MaxDisplayNameLength} printable characters."));
        }

        return errors.Count > 0
            ? throw MolDashException.Invalid("The first Admin is not valid.", errors)
            : new InitialAdminState { Email = email!, DisplayName = displayName.Length > 0 ? displayName : email!, PlannedUserId = Guid.NewGuid() };
    }

    private OrganizationView ToView() => new(
        OwnerOrgId, state.State.Name, state.State.Status, state.State.CreatedAt, state.State.CreatedBy,
        state.State.Quotas.Effective(), [.. state.State.CompletedSteps], state.State.Failure,
        state.State.InitialAdmin is { } admin ? new InitialAdminView(admin.Email, admin.UserId, admin.AccountCreated, admin.PasswordShown, null) : null,
        state.State.Deletion is { } deletion
            ? new DeletionProgress(deletion.RequestedAt, deletion.RequestedBy, [.. deletion.CompletedSteps], deletion.FailedStep, deletion.FailureReason)
            : null);
}
