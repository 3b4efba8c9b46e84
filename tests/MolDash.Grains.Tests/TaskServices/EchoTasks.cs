using MolDash.GrainInterfaces.TaskServices;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Tests.Registry;
using Orleans.TestingHost;

namespace MolDash.Grains.Tests.TaskServices;

/// <summary>A task whose input is {"text": string}, as the FakeTaskService echoes it, for the task-service grain tests.</summary>
public static class EchoTasks
{
    private const string Input = """{ "type": "object", "required": ["text"], "properties": { "text": { "type": "string" } } }""";

    public static TaskDefinitionDraft Draft(int timeoutSeconds = 1) => new()
    {
        Document = TaskDocuments.WithInput(Input),
        Deployment = new TaskDeployment { Image = "example/echo:1", TimeoutSeconds = timeoutSeconds, MaxAttempts = 2 },
    };

    /// <summary>Publishes the task in <paramref name="org"/> as the current caller (its Admin) and returns its service grain.</summary>
    public static async Task<ITaskServiceGrain> PublishAsync(TestCluster cluster, Guid org, string name = "echo", int timeoutSeconds = 1)
    {
        var key = TaskDefinitionKey.Format(org, name, "1.0.0");
        await cluster.Client.GetGrain<ITaskDefinitionGrain>(key).CreateAsync(Draft(timeoutSeconds));
        await cluster.Client.GetGrain<ITaskDefinitionGrain>(key).PublishAsync();
        return cluster.Client.GetGrain<ITaskServiceGrain>(key);
    }
}
