using MolDash.Deployment.Tests.Manifests;

namespace MolDash.Deployment.Tests;

/// <summary>Both overlays render with kubectl and keep the deployment's rules; a broken manifest fails here, naming itself.</summary>
public sealed class KubernetesManifestTests(RenderedOverlays overlays) : IClassFixture<RenderedOverlays>
{
    public static readonly TheoryData<string> Overlays = new() { "dev", "prod" };

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_container_has_readiness_and_liveness_probes(string overlay) =>
        Assert.Empty(ManifestInvariants.ProbeViolations(overlays[overlay]));

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_container_requests_CPU_and_has_no_CPU_limit(string overlay) =>
        Assert.Empty(ManifestInvariants.CpuViolations(overlays[overlay]));

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_container_runs_as_a_non_root_user(string overlay) =>
        Assert.Empty(ManifestInvariants.NonRootViolations(overlays[overlay]));

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_image_is_pinned_to_a_version(string overlay) =>
        Assert.Empty(ManifestInvariants.UnpinnedImages(overlays[overlay]));

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Silos_are_named_and_addressed_from_their_pod_have_a_disruption_budget_and_time_to_stop(string overlay) =>
        Assert.Empty(ManifestInvariants.SiloViolations(overlays[overlay]));

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_api_silos_and_docking_service_scale_automatically(string overlay) =>
        Assert.Empty(ManifestInvariants.AutoscalingViolations(overlays[overlay]));

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Only_the_api_is_reachable_from_outside(string overlay) =>
        Assert.Empty(ManifestInvariants.IngressViolations(overlays[overlay]));

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Network_policies_deny_by_default_and_let_only_silos_reach_task_services(string overlay) =>
        Assert.Empty(ManifestInvariants.NetworkPolicyViolations(overlays[overlay]));

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Silos_may_discover_task_services_from_their_labelled_service(string overlay) =>
        Assert.Empty(ManifestInvariants.DiscoveryViolations(overlays[overlay]));

    [Fact]
    public void The_dev_overlay_brings_everything_it_reads_with_only_dev_only_secret_values()
    {
        var dev = overlays["dev"];
        Assert.Empty(ManifestInvariants.MissingReferences(dev));
        Assert.Empty(ManifestInvariants.SecretViolations(dev));
        Assert.Contains(dev, m => m.Kind == "StatefulSet" && m.Name == "moldash-postgres");
        Assert.Contains(dev, m => m.Kind == "Deployment" && m.Name == "moldash-azurite");
    }

    [Fact]
    public void The_prod_overlay_holds_no_secret_and_reads_only_the_one_created_beside_it()
    {
        var prod = overlays["prod"];
        Assert.DoesNotContain(prod, m => m.Kind == "Secret");
        Assert.Empty(ManifestInvariants.MissingReferences(prod, "moldash-secrets"));
        Assert.DoesNotContain(prod, m => m.Name is "moldash-postgres" or "moldash-azurite");
    }
}
