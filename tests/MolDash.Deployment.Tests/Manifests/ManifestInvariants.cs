using System.Text.Json.Nodes;

namespace MolDash.Deployment.Tests.Manifests;

/// <summary>
/// The rules every rendered install keeps (issue 8, Kubernetes). Each returns what breaks it, one line per
/// offending object, so a failing test names the manifest to fix.
/// </summary>
public static class ManifestInvariants
{
    public const string Silo = "moldash-silo";
    public const string Api = "moldash-api";
    public const string Docking = "moldash-docking";

    /// <summary>A silo needs this long to stop: the host's 30 s shutdown plus headroom.</summary>
    public const int MinimumSiloGraceSeconds = 60;

    private static readonly string[] Probes = ["readinessProbe", "livenessProbe"];

    public static IEnumerable<string> ProbeViolations(IReadOnlyList<Manifest> manifests) =>
        from workload in manifests
        from container in workload.Containers
        from probe in Probes
        where container[probe] is not JsonObject
        select $"{workload} container {container["name"].Text()} has no {probe}";

    /// <summary>A CPU request for scheduling and autoscaling; no CPU limit, which throttles silos into missed membership probes.</summary>
    public static IEnumerable<string> CpuViolations(IReadOnlyList<Manifest> manifests)
    {
        foreach (var workload in manifests)
        {
            foreach (var container in workload.AllContainers)
            {
                var resources = container["resources"];
                if (resources?["requests"]?["cpu"] is null)
                {
                    yield return $"{workload} container {container["name"].Text()} has no CPU request";
                }

                if (resources?["limits"]?["cpu"] is not null)
                {
                    yield return $"{workload} container {container["name"].Text()} has a CPU limit";
                }
            }
        }
    }

    /// <summary>runAsNonRoot with a non-zero numeric user (the container's setting, else the pod's), and no privilege escalation.</summary>
    public static IEnumerable<string> NonRootViolations(IReadOnlyList<Manifest> manifests)
    {
        foreach (var workload in manifests)
        {
            var pod = workload.PodSpec?["securityContext"];
            foreach (var container in workload.AllContainers)
            {
                var own = container["securityContext"];
                var name = container["name"].Text();
                if ((own?["runAsNonRoot"] ?? pod?["runAsNonRoot"]).Text() != "true")
                {
                    yield return $"{workload} container {name} does not set runAsNonRoot: true";
                }

                if ((own?["runAsUser"] ?? pod?["runAsUser"]).Number() is not > 0)
                {
                    yield return $"{workload} container {name} has no non-zero runAsUser";
                }

                if (own?["allowPrivilegeEscalation"].Text() != "false")
                {
                    yield return $"{workload} container {name} does not set allowPrivilegeEscalation: false";
                }
            }
        }
    }

    /// <summary>Every image names a version (a tag other than latest, or a digest).</summary>
    public static IEnumerable<string> UnpinnedImages(IReadOnlyList<Manifest> manifests) =>
        from workload in manifests
        from container in workload.AllContainers
        let image = container["image"].Text() ?? ""
        where !IsPinned(image)
        select $"{workload} container {container["name"].Text()} uses an unpinned image '{image}'";

    public static bool IsPinned(string image)
    {
        if (image.Contains("@sha256:", StringComparison.Ordinal))
        {
            return true;
        }

        var lastSegment = image[(image.LastIndexOf('/') + 1)..];
        var colon = lastSegment.LastIndexOf(':');
        return colon > 0 && colon < lastSegment.Length - 1 && lastSegment[(colon + 1)..] != "latest";
    }

    public static IEnumerable<string> SiloViolations(IReadOnlyList<Manifest> manifests)
    {
        var silo = manifests.SingleOrDefault(m => m.Kind == "Deployment" && m.Name == Silo);
        if (silo is null)
        {
            yield return $"no Deployment {Silo}";
            yield break;
        }

        if (!manifests.Any(m => m.Kind == "PodDisruptionBudget" && (m.Body["spec"]?["selector"]?["matchLabels"] as JsonObject).Selects(silo.PodLabels)))
        {
            yield return $"no PodDisruptionBudget selects the pods of {silo}";
        }

        if (silo.PodSpec?["terminationGracePeriodSeconds"].Number() is not >= MinimumSiloGraceSeconds)
        {
            yield return $"{silo} has terminationGracePeriodSeconds below {MinimumSiloGraceSeconds}";
        }

        var env = silo.Containers.SelectMany(c => c["env"].Objects()).ToList();
        foreach (var (variable, field) in new[] { ("Silo__Name", "metadata.name"), ("Silo__AdvertisedAddress", "status.podIP") })
        {
            if (!env.Any(e => e["name"].Text() == variable && e["valueFrom"]?["fieldRef"]?["fieldPath"].Text() == field))
            {
                yield return $"{silo} does not set {variable} from the pod's {field}";
            }
        }
    }

    public static IEnumerable<string> AutoscalingViolations(IReadOnlyList<Manifest> manifests) =>
        from deployment in new[] { Api, Silo, Docking }
        where !manifests.Any(m => m.Kind == "HorizontalPodAutoscaler"
            && m.Body["spec"]?["scaleTargetRef"]?["kind"].Text() == "Deployment"
            && m.Body["spec"]?["scaleTargetRef"]?["name"].Text() == deployment)
        select $"no HorizontalPodAutoscaler scales Deployment {deployment}";

    /// <summary>From outside, only the API's Service is reachable, with sticky sessions.</summary>
    public static IEnumerable<string> IngressViolations(IReadOnlyList<Manifest> manifests)
    {
        var ingresses = manifests.Where(m => m.Kind == "Ingress").ToList();
        if (ingresses.Count == 0)
        {
            yield return "no Ingress";
        }

        foreach (var ingress in ingresses)
        {
            // SignalR's Server-Sent Events and long polling must reach the pod that negotiated the connection.
            if (ingress.Body["metadata"]?["annotations"]?["nginx.ingress.kubernetes.io/affinity"].Text() != "cookie")
            {
                yield return $"{ingress} has no cookie affinity for SignalR";
            }

            var spec = ingress.Body["spec"];
            var backends = spec?["rules"].Objects().SelectMany(rule => rule["http"]?["paths"].Objects() ?? []).Select(path => path["backend"])
                .Append(spec?["defaultBackend"]).OfType<JsonObject>() ?? [];
            foreach (var backend in backends.Where(b => b["service"]?["name"].Text() != Api))
            {
                yield return $"{ingress} routes to {backend["service"]?["name"].Text() ?? backend.ToJsonString()}, not {Api}";
            }
        }

        foreach (var exposed in manifests.Where(m => m.Kind == "Service" && m.Body["spec"]?["type"].Text() is "LoadBalancer" or "NodePort"))
        {
            yield return $"{exposed} is exposed outside the cluster";
        }
    }

    /// <summary>Default deny for incoming traffic; the API only from the ingress controller; task services only from silos.</summary>
    public static IEnumerable<string> NetworkPolicyViolations(IReadOnlyList<Manifest> manifests)
    {
        var policies = manifests.Where(m => m.Kind == "NetworkPolicy").ToList();
        if (!policies.Any(p => p.Body["spec"]?["podSelector"] is JsonObject { Count: 0 }
            && PolicyTypes(p).Contains("Ingress")
            && p.Body["spec"]?["ingress"] is null))
        {
            yield return "no default-deny NetworkPolicy (empty podSelector, policyTypes Ingress, no ingress rules)";
        }

        foreach (var (target, allowedFrom) in new[] { (Docking, Silo), (Silo, Silo), (Api, "") })
        {
            var labels = manifests.SingleOrDefault(m => m.Kind == "Deployment" && m.Name == target)?.PodLabels ?? [];
            var applying = policies.Where(p => (p.Body["spec"]?["podSelector"]?["matchLabels"] as JsonObject).Selects(labels)
                && p.Body["spec"]?["podSelector"] is JsonObject { Count: > 0 }).ToList();
            if (applying.Count == 0)
            {
                yield return $"no NetworkPolicy applies to the pods of Deployment {target}";
            }

            foreach (var policy in applying)
            {
                foreach (var peer in policy.Body["spec"]?["ingress"].Objects().SelectMany(rule => rule["from"].Objects()) ?? [])
                {
                    if (!IsAllowedPeer(peer, target, allowedFrom, manifests))
                    {
                        yield return $"{policy} lets {peer.ToJsonString()} reach {target}";
                    }
                }
            }
        }
    }

    private static IEnumerable<string?> PolicyTypes(Manifest policy) =>
        (policy.Body["spec"]?["policyTypes"] as JsonArray ?? []).Select(type => type.Text());

    private static bool IsAllowedPeer(JsonObject peer, string target, string allowedFrom, IReadOnlyList<Manifest> manifests)
    {
        if (target == Api)
        {
            // Only the ingress controller's namespace.
            return peer["namespaceSelector"]?["matchLabels"]?["kubernetes.io/metadata.name"].Text() == "ingress-nginx"
                && peer["podSelector"] is null && peer["ipBlock"] is null;
        }

        if (peer["namespaceSelector"] is not null || peer["ipBlock"] is not null)
        {
            return false;
        }

        var selector = peer["podSelector"]?["matchLabels"] as JsonObject;
        var selected = manifests.Where(m => m.Kind is "Deployment" or "StatefulSet" && selector.Selects(m.PodLabels)).Select(m => m.Name).ToList();
        return selected.Count > 0 && selected.All(name => name == allowedFrom || (target == Silo && name == Api));
    }

    /// <summary>The silo lists and watches EndpointSlices (task-service discovery) with its own service account.</summary>
    public static IEnumerable<string> DiscoveryViolations(IReadOnlyList<Manifest> manifests)
    {
        var account = manifests.SingleOrDefault(m => m.Kind == "Deployment" && m.Name == Silo)?.PodSpec?["serviceAccountName"].Text();
        var roles = manifests
            .Where(binding => binding.Kind == "RoleBinding"
                && binding.Body["subjects"].Objects().Any(s => s["kind"].Text() == "ServiceAccount" && s["name"].Text() == account))
            .Select(binding => manifests.SingleOrDefault(r => r.Kind == "Role" && r.Name == binding.Body["roleRef"]?["name"].Text()))
            .OfType<Manifest>();
        var canWatch = roles.SelectMany(role => role.Body["rules"].Objects()).Any(rule =>
            Strings(rule["resources"]).Contains("endpointslices") && Strings(rule["verbs"]).Contains("list") && Strings(rule["verbs"]).Contains("watch"));
        if (account is null || !canWatch)
        {
            yield return $"the silo's service account ({account ?? "none"}) may not list and watch endpointslices";
        }

        var docking = manifests.SingleOrDefault(m => m.Kind == "Service" && m.Name == Docking);
        foreach (var label in new[] { "moldash.io/org", "moldash.io/task", "moldash.io/version" })
        {
            if (docking?.Labels[label].Text() is not { Length: > 0 })
            {
                yield return $"Service {Docking} has no {label} label";
            }
        }

        if (docking is not null && !docking.Body["spec"]?["ports"].Objects().Any(port => port["name"].Text() == "http") == true)
        {
            yield return $"Service {Docking} has no port named http";
        }
    }

    /// <summary>Every ConfigMap and Secret a workload reads exists in the render, except the Secrets named in <paramref name="external"/>.</summary>
    public static IEnumerable<string> MissingReferences(IReadOnlyList<Manifest> manifests, params string[] external)
    {
        foreach (var workload in manifests.Where(m => m.PodSpec is not null))
        {
            foreach (var container in workload.AllContainers)
            {
                var references = container["envFrom"].Objects()
                    .Select(source => (Kind: source["configMapRef"] is null ? "Secret" : "ConfigMap", Name: (source["configMapRef"] ?? source["secretRef"])?["name"].Text()))
                    .Concat(container["env"].Objects().Select(e => e["valueFrom"]).OfType<JsonObject>()
                        .Where(from => from["configMapKeyRef"] is not null || from["secretKeyRef"] is not null)
                        .Select(from => (Kind: from["configMapKeyRef"] is null ? "Secret" : "ConfigMap", Name: (from["configMapKeyRef"] ?? from["secretKeyRef"])?["name"].Text())));
                foreach (var (kind, name) in references.Distinct())
                {
                    if (!manifests.Any(m => m.Kind == kind && m.Name == name) && !(kind == "Secret" && external.Contains(name)))
                    {
                        yield return $"{workload} reads {kind} {name}, which is not in the render";
                    }
                }
            }
        }
    }

    /// <summary>Secret values in the render: only dev-only placeholders (and Azurite's public emulator key).</summary>
    public static IEnumerable<string> SecretViolations(IReadOnlyList<Manifest> manifests) =>
        from secret in manifests.Where(m => m.Kind == "Secret")
        from entry in (secret.Body["data"] as JsonObject ?? []).Select(pair => (pair.Key, Value: Base64Text(pair.Value.Text())))
            .Concat((secret.Body["stringData"] as JsonObject ?? []).Select(pair => (pair.Key, Value: pair.Value.Text() ?? "")))
        where !IsDevOnly(entry.Value)
        select $"{secret} holds {entry.Key}, which is not a dev-only placeholder";

    private static bool IsDevOnly(string value) =>
        value.Contains("dev-only", StringComparison.Ordinal)
        || value.Contains("AccountName=devstoreaccount1;", StringComparison.Ordinal)
        || Base64Text(value).Contains("dev-only", StringComparison.Ordinal);

    private static string Base64Text(string? value)
    {
        var bytes = new byte[value?.Length ?? 0];
        return Convert.TryFromBase64String(value ?? "", bytes, out var written) ? System.Text.Encoding.UTF8.GetString(bytes, 0, written) : "";
    }

    private static IEnumerable<string?> Strings(JsonNode? node) => (node as JsonArray ?? []).Select(item => item.Text());
}
