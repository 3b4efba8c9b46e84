namespace MolDash.Integration.Tests.Reliability;

/// <summary>
/// The fault runs share one cluster and run alone, after every other collection: they kill processes of it
/// and restart the PostgreSQL server every test's database lives on.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReliabilityGroup : ICollectionFixture<ReliabilityCluster>
{
    public const string Name = "reliability";
}
