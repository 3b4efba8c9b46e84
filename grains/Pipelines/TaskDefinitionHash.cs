using System.Text.Json.Nodes;
using MolDash.GrainInterfaces.Tasks;

namespace MolDash.Grains.Pipelines;

/// <summary>
/// What identifies a task version's behaviour in an input signature: its document, container image and
/// environment. Resources, scale and timeouts change how it runs, not what it computes, so they are left out.
/// </summary>
public static class TaskDefinitionHash
{
    public static string Compute(string documentJson, TaskDeployment deployment)
    {
        var env = new JsonObject();
        foreach (var (name, value) in deployment.Env)
        {
            env[name] = value;
        }

        return CanonicalJson.Hash(new JsonObject
        {
            ["document"] = JsonNode.Parse(documentJson),
            ["image"] = deployment.Image,
            ["env"] = env,
        });
    }
}
