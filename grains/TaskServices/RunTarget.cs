using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Registry;

namespace MolDash.Grains.TaskServices;

/// <summary>What a published task version needs to be invoked: its contract (path, input schema) and deployment.</summary>
public sealed record RunTarget(TaskContract Contract, TaskDeployment Deployment);
