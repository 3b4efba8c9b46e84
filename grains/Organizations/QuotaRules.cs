using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;

namespace MolDash.Grains.Organizations;

/// <summary>What quotas an organization may be given, at creation or later.</summary>
public static class QuotaRules
{
    public static void Validate(OrganizationQuotas quotas)
    {
        if (quotas.MaxConcurrentJobs < 1 || quotas.MaxStorageBytes < 1 || quotas.MaxUploadBytes < 1 || quotas.JobRetentionDays < 1
            || quotas.MaxUploadBytes > quotas.MaxStorageBytes)
        {
            throw new MolDashException(ErrorKind.Validation,
                "Quotas must be positive, and the largest upload cannot exceed the storage quota.");
        }

        var taskErrors = new List<FieldError>();
        if (!(quotas.MaxTaskCpu is >= 0.1 and <= 1024))
        {
            taskErrors.Add(new FieldError("/maxTaskCpu", "Between 0.1 and 1024 cores per replica."));
        }

        if (quotas.MaxTaskMemoryMb is < 64 or > 4_194_304)
        {
            taskErrors.Add(new FieldError("/maxTaskMemoryMb", "Between 64 and 4194304 MiB per replica."));
        }

        if (quotas.MaxTaskGpu is < 0 or > 64)
        {
            taskErrors.Add(new FieldError("/maxTaskGpu", "Between 0 and 64 GPUs per replica (0: no GPUs)."));
        }

        if (quotas.MaxTaskReplicas is < 1 or > 1000)
        {
            taskErrors.Add(new FieldError("/maxTaskReplicas", "Between 1 and 1000 replicas."));
        }

        if (taskErrors.Count > 0)
        {
            throw MolDashException.Invalid("The task resource limits are out of range.", taskErrors);
        }
    }
}
