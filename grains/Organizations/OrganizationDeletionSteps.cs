using MolDash.GrainInterfaces.Organizations;
using MolDash.GrainInterfaces.Users;
using MolDash.Grains.Persistence;
using MolDash.Grains.Users;

namespace MolDash.Grains.Organizations;

/// <summary>Carries out one step of deleting an organization; each may be repeated after a failure or a silo's death.</summary>
public sealed class OrganizationDeletionSteps(
    IOrganizationCatalog catalog, IOrganizationEraser eraser, IOrgResources resources, IOrgMemberships memberships, IGrainFactory grains,
    TimeProvider time)
{
    private const int MemberPage = 200;

    public Task RunAsync(Guid orgId, string name, DeletionState deletion, DeletionStep step) => step switch
    {
        DeletionStep.Sessions => EndSessionsAsync(orgId),
        DeletionStep.ResultsDatabase => resources.DropResultsDatabaseAsync(orgId, CancellationToken.None),
        DeletionStep.BlobContainer => resources.DeleteBlobContainerAsync(orgId, CancellationToken.None),
        DeletionStep.GrainState => eraser.EraseGrainStateAsync(orgId),
        DeletionStep.Catalog => eraser.EraseCatalogRowsAsync(orgId, name, time.GetUtcNow(), deletion.RequestedBy),
        _ => throw new InvalidOperationException($"No deletion for {step}."),
    };

    /// <summary>
    /// From here the org is gone for everyone but its own grain: marked deleting in the catalog (so Root's
    /// calls to its data answer 404), its refresh tokens revoked, and every member's live status re-read (the
    /// org is no longer active), so their access tokens are refused at the next grain call.
    /// </summary>
    private async Task EndSessionsAsync(Guid orgId)
    {
        await catalog.SetStatusAsync(orgId, OrganizationStatus.Deleting);
        await eraser.RevokeSessionsAsync(orgId, time.GetUtcNow());
        KeysetCursor? after = null;
        IReadOnlyList<OrgUserView> page;
        do
        {
            page = await memberships.ListAsync(orgId, after, MemberPage);
            await Task.WhenAll(page.Select(user => grains.GetGrain<IMembershipGrain>(MembershipKey.For(orgId, user.UserId)).InvalidateAsync()));
            after = page.Count > 0 ? new KeysetCursor(page[^1].JoinedAt, page[^1].UserId) : null;
        }
        while (page.Count == MemberPage);
    }
}
