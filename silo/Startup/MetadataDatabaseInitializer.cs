using Microsoft.Extensions.Options;
using MolDash.Grains.Identity;
using MolDash.Grains.Persistence;
using MolDash.ServiceDefaults.Configuration;
using MolDash.Silo.Configuration;
using Npgsql;

namespace MolDash.Silo.Startup;

/// <summary>
/// Runs before the Orleans silo starts (it is registered first): creates the database when missing,
/// applies migrations (the Orleans providers need their query table before they start) and seeds Root.
/// </summary>
public sealed class MetadataDatabaseInitializer(
    IOptions<DatabaseOptions> database,
    IOptions<DatabaseStartupOptions> startup,
    IOptions<RootAccountOptions> root,
    DatabaseMigrator migrator,
    RootAccountSeeder seeder,
    TimeProvider time,
    ILogger<MetadataDatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await WaitForDatabaseAsync(cancellationToken);
        var applied = await migrator.MigrateAsync(MigrationSet.Metadata, cancellationToken);
        logger.LogInformation("Metadata database ready ({Applied} migrations applied now)", applied.Count);

        var generated = await seeder.EnsureRootAsync(root.Value.Email, root.Value.Password);
        if (generated is not null)
        {
            // Shown once, on the console rather than in the structured log, and never stored in clear.
            Console.WriteLine($"MolDash Root account created: {root.Value.Email} / {generated}  (shown only once)");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WaitForDatabaseAsync(CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + startup.Value.WaitForDatabase;
        while (true)
        {
            try
            {
                await DatabaseMigrator.EnsureDatabaseExistsAsync(database.Value.ConnectionString, cancellationToken);
                return;
            }
            catch (NpgsqlException e) when (time.GetUtcNow() < deadline && e.IsTransient)
            {
                logger.LogWarning("PostgreSQL is not reachable yet ({Reason}); retrying", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
            }
        }
    }
}
