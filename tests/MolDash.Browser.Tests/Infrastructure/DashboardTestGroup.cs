namespace MolDash.Browser.Tests.Infrastructure;

/// <summary>Every browser test class shares one platform and one browser: starting them is most of a class's time.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardTestGroup : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
