using System.Text.Json.Nodes;

namespace MolDash.Deployment.Tests.Manifests;

/// <summary>One rendered Kubernetes object; scalars are kept as the strings YAML wrote.</summary>
public sealed record Manifest(string Kind, string Name, JsonObject Body)
{
    private static readonly string[] PodTemplateKinds = ["Deployment", "StatefulSet", "DaemonSet", "Job"];

    public override string ToString() => $"{Kind}/{Name}";

    public JsonObject Labels => Body["metadata"]?["labels"] as JsonObject ?? [];

    /// <summary>The pod spec of a workload (its template's), or null for other kinds.</summary>
    public JsonObject? PodSpec => Kind switch
    {
        _ when PodTemplateKinds.Contains(Kind) => Body["spec"]?["template"]?["spec"] as JsonObject,
        "CronJob" => Body["spec"]?["jobTemplate"]?["spec"]?["template"]?["spec"] as JsonObject,
        "Pod" => Body["spec"] as JsonObject,
        _ => null,
    };

    /// <summary>The labels its pods get (a workload's template labels).</summary>
    public JsonObject PodLabels => Body["spec"]?["template"]?["metadata"]?["labels"] as JsonObject ?? [];

    public IEnumerable<JsonObject> Containers =>
        (PodSpec?["containers"] as JsonArray ?? []).OfType<JsonObject>();

    public IEnumerable<JsonObject> AllContainers =>
        Containers.Concat((PodSpec?["initContainers"] as JsonArray ?? []).OfType<JsonObject>());
}
