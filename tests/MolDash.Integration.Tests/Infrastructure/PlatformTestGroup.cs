namespace MolDash.Integration.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class PlatformTestGroup : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
