using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;
using MolDash.GrainInterfaces.Users;
using MolDash.Grains.Audit;

namespace MolDash.Grains.Organizations;

/// <summary>
/// An organization and its provisioning. Each step is recorded in the grain's state once done, so a retry
/// (or the reminder, after a silo died mid-way) resumes where it stopped; every step may be repeated.
/// </summary>
[GrainType("moldash-organization")]
public sealed class OrganizationGrain(
    [PersistentState("organization", GrainStorageNames.Default)] IPersistentState<OrganizationState> state,
    IOrganizationCatalog catalog,
    IOrgResources resources,
    Auditor auditor,
    TimeProvider time) : Grain, IOrganizationGrain, IOrgOwned, IRemindable
{
    public const int MaxNameLength = 100;
    private const string ProvisioningReminder = "provisioning";
    private static readonly ProvisioningStep[] Steps = Enum.GetValues<ProvisioningStep>();

    public Guid OwnerOrgId => this.GetPrimaryKey();

    public async Task<OrganizationView> CreateAsync(string name)
    {
        var caller = RequireRoot("create organizations");
        var trimmed = ValidateName(name);
        if (state.State.Exists)
        {
            return string.Equals(state.State.Name, trimmed, StringComparison.Ordinal)
                ? ToView()
                : throw new MolDashException(ErrorKind.Conflict, $"Organization {OwnerOrgId} already exists.");
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
        await state.WriteStateAsync();
        await auditor.RecordAsync(AuditActions.OrganizationCreated, OwnerOrgId.ToString(), AuditOutcome.Succeeded,
            orgId: OwnerOrgId, details: new Dictionary<string, string?> { ["name"] = trimmed });

        await this.RegisterOrUpdateReminder(ProvisioningReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await ProvisionAsync();
        return ToView();
    }

    public Task<OrganizationView> GetAsync() =>
        state.State.Exists ? Task.FromResult(ToView()) : throw MolDashException.NotFound("The organization");

    public Task<OrganizationQuotas> GetQuotasAsync() =>
        Task.FromResult(state.State.Exists ? state.State.Quotas.Effective() : OrganizationQuotas.Default);

    public async Task<OrganizationView> RetryProvisioningAsync()
    {
        RequireRoot("retry provisioning");
        EnsureExists();
        if (state.State.Status is OrganizationStatus.Failed or OrganizationStatus.Provisioning)
        {
            await ProvisionAsync();
        }

        return ToView();
    }

    public async Task<OrganizationView> SetQuotasAsync(OrganizationQuotas quotas)
    {
        RequireRoot("change quotas");
        EnsureExists();
        if (quotas.MaxConcurrentJobs < 1 || quotas.MaxStorageBytes < 1 || quotas.MaxUploadBytes < 1 || quotas.JobRetentionDays < 1
            || quotas.MaxUploadBytes > quotas.MaxStorageBytes)
        {
            throw new MolDashException(ErrorKind.Validation,
                "Quotas must be positive, and the largest upload cannot exceed the storage quota.");
        }

        var taskErrors = new List<FieldError>();
        if (!(quotas.MaxTaskCpu is >= 0.1 and <= 1024))
        {
            taskErrors.Add(new FieldError("/maxTaskCpu", "Between 0.1 and 1024 cores per replica."));
        }

        if (quotas.MaxTaskMemoryMb is < 64 or > 4_194_304)
        {
            taskErrors.Add(new FieldError("/maxTaskMemoryMb", "Between 64 and 4194304 MiB per replica."));
        }

        if (quotas.MaxTaskGpu is < 0 or > 64)
        {
            taskErrors.Add(new FieldError("/maxTaskGpu", "Between 0 and 64 GPUs per replica (0: no GPUs)."));
        }

        if (quotas.MaxTaskReplicas is < 1 or > 1000)
        {
            taskErrors.Add(new FieldError("/maxTaskReplicas", "Between 1 and 1000 replicas."));
        }

        if (taskErrors.Count > 0)
        {
            throw MolDashException.Invalid("The task resource limits are out of range.", taskErrors);
        }

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
        EnsureExists();
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

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ProvisioningReminder)
        {
            return;
        }

        if (state.State.Status == OrganizationStatus.Provisioning)
        {
            await ProvisionAsync();
        }
        else
        {
            await UnregisterProvisioningReminderAsync();
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

        state.State.Status = OrganizationStatus.Active;
        await state.WriteStateAsync();
        await catalog.SetStatusAsync(OwnerOrgId, OrganizationStatus.Active);
        await auditor.RecordAsync(AuditActions.OrganizationProvisioned, OwnerOrgId.ToString(), AuditOutcome.Succeeded, OwnerOrgId);
        await UnregisterProvisioningReminderAsync();
    }

    private Task RunAsync(ProvisioningStep step) => step switch
    {
        ProvisioningStep.ResultsDatabase => resources.EnsureResultsDatabaseAsync(OwnerOrgId, CancellationToken.None),
        ProvisioningStep.BlobContainer => resources.EnsureBlobContainerAsync(OwnerOrgId, CancellationToken.None),
        _ => throw new InvalidOperationException($"No provisioning for {step}."),
    };

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
        await UnregisterProvisioningReminderAsync();
    }

    private async Task UnregisterProvisioningReminderAsync()
    {
        if (await this.GetReminder(ProvisioningReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void EnsureExists()
    {
        if (!state.State.Exists)
        {
            throw MolDashException.NotFound("The organization");
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

    private OrganizationView ToView() => new(
        OwnerOrgId, state.State.Name, state.State.Status, state.State.CreatedAt, state.State.CreatedBy,
        state.State.Quotas.Effective(), [.. state.State.CompletedSteps], state.State.Failure);
}
