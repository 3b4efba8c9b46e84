using System.Text.Json.Nodes;
using MolDash.Deployment.Tests.Manifests;

namespace MolDash.Deployment.Tests;

/// <summary>The checks catch what they are for: each breaks one rule in a fresh render and expects it named.</summary>
public sealed class InvariantCheckTests
{
    private static readonly IReadOnlyList<Manifest> Rendered = Kustomize.Render(Path.Combine("overlays", "dev"));

    [Fact]
    public void A_removed_probe_is_reported()
    {
        var manifests = Copy();
        Container(manifests, ManifestInvariants.Silo).Remove("readinessProbe");

        var violation = Assert.Single(ManifestInvariants.ProbeViolations(manifests));
        Assert.Contains("Deployment/moldash-silo", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cpu_limit_is_reported()
    {
        var manifests = Copy();
        Container(manifests, ManifestInvariants.Docking)["resources"]!["limits"]!["cpu"] = "2";

        Assert.Single(ManifestInvariants.CpuViolations(manifests));
    }

    [Fact]
    public void A_root_user_and_a_latest_image_are_reported()
    {
        var manifests = Copy();
        var api = manifests.Single(m => m.Kind == "Deployment" && m.Name == ManifestInvariants.Api);
        api.PodSpec!["securityContext"]!["runAsUser"] = "0";
        Container(manifests, ManifestInvariants.Api)["image"] = "moldash-api:latest";

        Assert.Single(ManifestInvariants.NonRootViolations(manifests));
        Assert.Single(ManifestInvariants.UnpinnedImages(manifests));
    }

    [Fact]
    public void A_task_service_open_to_every_pod_is_reported()
    {
        var manifests = Copy();
        var policy = manifests.Single(m => m.Kind == "NetworkPolicy" && m.Name == "moldash-docking-from-silo");
        policy.Body["spec"]!["ingress"]![0]!["from"]![0] = new JsonObject { ["podSelector"] = new JsonObject() };

        Assert.Single(ManifestInvariants.NetworkPolicyViolations(manifests));
    }

    [Fact]
    public void An_ingress_to_another_service_and_a_real_secret_are_reported()
    {
        var manifests = Copy();
        var ingress = manifests.Single(m => m.Kind == "Ingress");
        ingress.Body["spec"]!["rules"]![0]!["http"]!["paths"]![0]!["backend"]!["service"]!["name"] = "moldash-docking";
        var secret = manifests.Single(m => m.Kind == "Secret");
        secret.Body["data"]!["root-password"] = Convert.ToBase64String("correct horse battery staple"u8);

        Assert.Single(ManifestInvariants.IngressViolations(manifests));
        Assert.Single(ManifestInvariants.SecretViolations(manifests));
    }

    [Fact]
    public void An_ingress_without_sticky_sessions_is_reported()
    {
        var manifests = Copy();
        var ingress = manifests.Single(m => m.Kind == "Ingress");
        ((JsonObject)ingress.Body["metadata"]!["annotations"]!).Remove("nginx.ingress.kubernetes.io/affinity");

        Assert.Contains("cookie affinity", Assert.Single(ManifestInvariants.IngressViolations(manifests)), StringComparison.Ordinal);
    }

    private static List<Manifest> Copy() =>
        Rendered.Select(m => m with { Body = (JsonObject)m.Body.DeepClone() }).ToList();

    private static JsonObject Container(IReadOnlyList<Manifest> manifests, string deployment) =>
        manifests.Single(m => m.Kind == "Deployment" && m.Name == deployment).Containers.First();
}
