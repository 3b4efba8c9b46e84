namespace MolDash.Testing;

/// <summary>The real services `./moldash test` starts for the test run, named by environment variables.</summary>
public static class TestEnvironment
{
    /// <summary>A PostgreSQL connection string for a superuser, without a database name.</summary>
    public static string PostgresServer => Required("MOLDASH_TEST_POSTGRES");

    /// <summary>An Azure Storage connection string for Azurite.</summary>
    public static string BlobConnectionString => Required("MOLDASH_TEST_BLOB");

    /// <summary>The folder of the throwaway services (the PostgreSQL data directory is its "postgres").</summary>
    public static string WorkDirectory => Required("MOLDASH_TEST_WORK");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Run the tests with `./moldash test`, which starts PostgreSQL and Azurite for them.");
}
