using System.Text;
using MolDash.GrainInterfaces.Artifacts;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;
using MolDash.Grains.Organizations;
using MolDash.Grains.Tests.Infrastructure;
using Orleans.TestingHost;

namespace MolDash.Grains.Tests.Artifacts;

[Collection(ClusterTestGroup.Name)]
public sealed class ArtifactsGrainTests(ClusterFixture fixture)
{
    private static readonly string Poses = MoleculeFiles.Text("1uw6-nct.sdf");
    private readonly TestCluster cluster = fixture.Cluster;

    [Fact]
    public async Task A_task_output_is_stored_once_and_linked_to_every_job_that_produced_it()
    {
        var (org, grain) = await OrgAsync();
        Callers.ActAs(GrainInterfaces.Access.Caller.PlatformIn(org));
        var (firstJob, secondJob) = (Guid.NewGuid(), Guid.NewGuid());

        var first = await grain.StoreOutputAsync(firstJob, "dock", "poses.sdf", "sdf", Poses);
        var second = await grain.StoreOutputAsync(secondJob, "dock", "poses.sdf", "sdf", Poses);

        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(("sdf", $"artifacts/{first.Sha256}", Guid.Empty), (first.Format, first.Uri, first.CreatedBy));
        Assert.Equal(first.Id, Assert.Single((await grain.ListAsync(new ArtifactQuery(JobId: secondJob), null, 10)).Items).Id);
        Assert.Empty((await grain.ListAsync(new ArtifactQuery(JobId: Guid.NewGuid()), null, 10)).Items);
        Assert.Equal(Poses, await grain.ReadTextAsync(first.Id));
        Assert.Contains(ClusterFixture.AuditLog.Entries, entry => entry.Action == AuditActions.ArtifactOutputStored && entry.Target == first.Id.ToString());
    }

    [Fact]
    public async Task A_malformed_task_output_is_refused_with_the_reason()
    {
        var (org, grain) = await OrgAsync();
        Callers.ActAs(GrainInterfaces.Access.Caller.PlatformIn(org));

        var error = await Assert.ThrowsAsync<MolDashException>(() => grain.StoreOutputAsync(Guid.NewGuid(), "dock", "poses.sdf", "sdf", "not an sdf"));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Contains("not valid SDF", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_is_checked_stored_by_checksum_and_its_staging_blob_removed()
    {
        var (org, grain) = await OrgAsync();
        var member = Callers.StandardOf(org);
        Callers.ActAs(member);

        var ticket = await grain.BeginUploadAsync("ligand.sdf");
        var staging = $"uploads/{ticket.UploadId:N}";
        Assert.Equal(OrganizationQuotas.Default.MaxUploadBytes, ticket.MaxBytes);
        Assert.Contains("MaxUploadBytes", ticket.LimitReason, StringComparison.Ordinal);
        ClusterFixture.Blobs.Write(OrgResourceNames.BlobContainer(org), staging, Encoding.UTF8.GetBytes(Poses));
        var artifact = await grain.CompleteUploadAsync(ticket.UploadId, "dir/ligand.sdf", null);
        var again = await grain.CompleteUploadAsync(ticket.UploadId, "ligand.sdf", null);

        Assert.Equal(("ligand.sdf", member.UserId), (artifact.FileName, artifact.CreatedBy));
        Assert.Equal(artifact.Id, again.Id);
        Assert.False(ClusterFixture.Blobs.Exists(OrgResourceNames.BlobContainer(org), staging));
        Assert.True(ClusterFixture.Blobs.Exists(OrgResourceNames.BlobContainer(org), artifact.Uri));
        Assert.Equal(artifact, await grain.GetAsync(artifact.Id));
    }

    [Fact]
    public async Task A_malformed_upload_is_refused_and_its_staging_blob_removed()
    {
        var (org, grain) = await OrgAsync();
        Callers.ActAs(Callers.StandardOf(org));
        var ticket = await grain.BeginUploadAsync("ligand.smi");
        var staging = $"uploads/{ticket.UploadId:N}";
        ClusterFixture.Blobs.Write(OrgResourceNames.BlobContainer(org), staging, Encoding.UTF8.GetBytes("C1CC\n"));

        var error = await Assert.ThrowsAsync<MolDashException>(() => grain.CompleteUploadAsync(ticket.UploadId, "ligand.smi", null));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.False(ClusterFixture.Blobs.Exists(OrgResourceNames.BlobContainer(org), staging));
    }

    [Fact]
    public async Task Inline_text_is_refused_for_an_unknown_artifact_and_other_orgs_see_nothing()
    {
        var (org, grain) = await OrgAsync();
        Callers.ActAs(GrainInterfaces.Access.Caller.PlatformIn(org));
        var artifact = await grain.StoreOutputAsync(Guid.NewGuid(), "dock", "poses.sdf", "sdf", Poses + "\n");

        var missing = await Assert.ThrowsAsync<MolDashException>(() => grain.ReadTextAsync(Guid.NewGuid()));
        var (otherOrg, _) = await OrgAsync();
        Callers.ActAs(Callers.AdminOf(otherOrg));
        var foreign = await Assert.ThrowsAsync<MolDashException>(() => grain.GetAsync(artifact.Id));

        Assert.Equal((ErrorKind.NotFound, ErrorKind.NotFound), (missing.Kind, foreign.Kind));
    }

    private async Task<(Guid OrgId, IArtifactsGrain Grain)> OrgAsync()
    {
        Callers.ActAs(Callers.Root());
        var id = Guid.NewGuid();
        await cluster.Client.GetGrain<IOrganizationGrain>(id).CreateAsync($"Artifacts {id:N}");
        return (id, cluster.Client.GetGrain<IArtifactsGrain>(id));
    }
}
