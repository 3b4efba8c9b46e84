using System.Globalization;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;
using MolDash.GrainInterfaces.Tasks;

namespace MolDash.Grains.Tasks;

/// <summary>The org's policy on what one task deployment may ask for, as field errors naming the limit.</summary>
public static class TaskResourcePolicy
{
    public static List<FieldError> Check(TaskDeployment deployment, OrganizationQuotas quotas)
    {
        var errors = new List<FieldError>();
        void Limit(bool within, string field, string asked, string limit)
        {
            if (!within)
            {
                errors.Add(new FieldError($"/deployment/{field}", $"{asked} is above the organization's limit of {limit}"));
            }
        }

        Limit(deployment.Cpu <= quotas.MaxTaskCpu, "cpu", $"{Number(deployment.Cpu)} cores", Number(quotas.MaxTaskCpu));
        Limit(deployment.MemoryMb <= quotas.MaxTaskMemoryMb, "memoryMb", $"{deployment.MemoryMb} MiB", $"{quotas.MaxTaskMemoryMb} MiB");
        Limit(deployment.Gpu <= quotas.MaxTaskGpu, "gpu", $"{deployment.Gpu} GPUs", Number(quotas.MaxTaskGpu));
        Limit(deployment.Replicas <= quotas.MaxTaskReplicas, "replicas", $"{deployment.Replicas} replicas", Number(quotas.MaxTaskReplicas));
        return errors;
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
