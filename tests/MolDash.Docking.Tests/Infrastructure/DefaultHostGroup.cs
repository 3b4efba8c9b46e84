namespace MolDash.Docking.Tests.Infrastructure;

/// <summary>Tests that share the default service; they run one after another so dockings do not compete for the cores.</summary>
[CollectionDefinition(Name)]
public sealed class DefaultHostGroup : ICollectionFixture<DefaultHostFixture>
{
    public const string Name = "default docking service";
}
