namespace MolDash.Integration.Tests.Reliability;

/// <summary>
/// The fault runs share one cluster (on its own PostgreSQL server) and run alone, after every other collection:
/// they kill its processes and restart its server, and their timings mean more without other tests beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReliabilityGroup : ICollectionFixture<ReliabilityCluster>
{
    public const string Name = "reliability";
}
