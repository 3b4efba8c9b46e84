using MolDash.DemoSeed;

try
{
    var result = await new DemoSeeder(DemoSeedSettings.FromEnvironment(), Console.Error).SeedAsync();
    Console.WriteLine($"{result.OrgId} {result.JobId}");
    return 0;
}
catch (Exception failure) when (failure is SeedFailedException or InvalidOperationException or HttpRequestException)
{
    Console.Error.WriteLine($"demo seeding failed: {failure.Message}");
    return 1;
}
