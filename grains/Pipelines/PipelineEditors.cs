using MolDash.GrainInterfaces.Access;

namespace MolDash.Grains.Pipelines;

/// <summary>Who sees pipelines as their authors do: private pipelines, drafts and unpublished versions.</summary>
public static class PipelineEditors
{
    public static bool Include(Caller caller) =>
        caller.Has(MolDashPermissions.PipelineEdit) || caller.Has(MolDashPermissions.PipelinePublish);
}
