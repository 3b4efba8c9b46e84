namespace MolDash.Bench;

/// <summary>Every suite the harness knows; a new suite adds one line here.</summary>
public static class BenchmarkSuites
{
    public static IEnumerable<IBenchmarkSuite> All =>
    [
        new Platform.PlatformBenchmarkSuite(),
        new Docking.DockingBenchmarkSuite(),
        new Identity.IdentityBenchmarkSuite(),
        new Jobs.JobListingBenchmarkSuite(),
        new Jobs.JobsBenchmarkSuite(),
        new Pipelines.PipelineValidationBenchmarkSuite(),
        new Pipelines.PipelineRunsBenchmarkSuite(),
        new TaskServices.InvocationBenchmarkSuite(),
    ];
}
