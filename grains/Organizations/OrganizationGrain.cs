using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;
using MolDash.Grains.Audit;

namespace MolDash.Grains.Organizations;

[GrainType("moldash-organization")]
public sealed class OrganizationGrain(
    [PersistentState("organization", GrainStorageNames.Default)] IPersistentState<OrganizationState> state,
    IOrganizationCatalog catalog,
    Auditor auditor,
    TimeProvider time) : Grain, IOrganizationGrain, IOrgOwned
{
    public const int MaxNameLength = 100;

    public Guid OwnerOrgId => this.GetPrimaryKey();

    public async Task<OrganizationView> CreateAsync(string name)
    {
        var caller = CallerContext.Current!;
        if (!caller.IsRoot)
        {
            throw new MolDashException(ErrorKind.Forbidden, "Only Root can create organizations.");
        }

        var trimmed = ValidateName(name);
        if (state.State.Exists)
        {
            return string.Equals(state.State.Name, trimmed, StringComparison.Ordinal)
                ? ToView()
                : throw new MolDashException(ErrorKind.Conflict, $"Organization {OwnerOrgId} already exists.");
        }

        var createdAt = time.GetUtcNow();
        // The catalog row reserves the name first, so a failed reservation leaves no grain state behind;
        // the row says "provisioning" until the grain's own state is written.
        await catalog.ReserveAsync(OwnerOrgId, trimmed, createdAt, caller.UserId);

        state.State.Exists = true;
        state.State.Name = trimmed;
        state.State.Status = OrganizationStatus.Active;
        state.State.CreatedAt = createdAt;
        state.State.CreatedBy = caller.UserId;
        await state.WriteStateAsync();

        await catalog.SetStatusAsync(OwnerOrgId, OrganizationStatus.Active);
        await auditor.RecordAsync(AuditActions.OrganizationCreated, OwnerOrgId.ToString(), AuditOutcome.Succeeded,
            orgId: OwnerOrgId, details: new Dictionary<string, string?> { ["name"] = trimmed });
        return ToView();
    }

    public Task<OrganizationView> GetAsync() =>
        state.State.Exists ? Task.FromResult(ToView()) : throw MolDashException.NotFound("The organization");

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
        OwnerOrgId, state.State.Name, state.State.Status, state.State.CreatedAt, state.State.CreatedBy);
}
