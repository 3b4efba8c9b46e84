namespace MolDash.GrainInterfaces.Tasks;

/// <summary>Exports and imports an org's task versions as bundles (keyed by org id; task.define). One import at a time per org.</summary>
[Alias("MolDash.ITaskBundleGrain")]
public interface ITaskBundleGrain : IGrainWithGuidKey
{
    /// <summary>Every task version of the org, or those of one name (and version), ordered by name and version.</summary>
    [Alias("Export")]
    Task<TaskBundle> ExportAsync(string? name, string? version);

    /// <summary>
    /// Imports all of a bundle or none of it: every entry is checked first (conflicts with existing
    /// versions and invalid entries reported together, by pointer such as /tasks/3); identical versions
    /// are skipped; the rest are created with their status, and removed again if a later create fails.
    /// </summary>
    [Alias("Import")]
    Task<TaskBundleImportResult> ImportAsync(TaskBundle bundle);
}
