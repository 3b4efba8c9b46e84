using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MolDash.GrainInterfaces.Jobs;
using MolDash.Grains.Jobs;
using MolDash.Grains.Organizations;
using MolDash.Grains.Persistence;
using MolDash.Testing;
using Npgsql;

namespace MolDash.Bench.Jobs;

/// <summary>
/// Listing an org's 100,000 jobs a page at a time through the real <see cref="PostgresJobRecords"/>:
/// the first page and the pages after it (following cursors) for the listing's common filters, with
/// the plan of each query checked by EXPLAIN to use its index and no sort.
/// </summary>
public sealed partial class JobListingBenchmarkSuite : IBenchmarkSuite
{
    private const int Jobs = 100_000;
    private const int PageLimit = 50;
    private const int PagesPerWalk = 20;
    private const int Samples = 1_000;
    private static readonly Guid OrgId = Guid.NewGuid();

    public string Name => "job-listing";

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        await using var database = TestDatabase.CreateName("bench_jobs");
        await DatabaseMigrator.EnsureDatabaseExistsAsync(database.ConnectionString, cancellationToken);
        await using var databases = new OrgResultsDatabases(
            Options.Create(new ResultsDatabaseOptions { ConnectionTemplate = database.ConnectionString }), NullLogger<DatabaseMigrator>.Instance);
        var dataSource = await databases.ForAsync(OrgId);
        Console.WriteLine($"loading {Jobs} jobs");
        await JobListingData.LoadAsync(dataSource, Jobs, cancellationToken);

        var records = new PostgresJobRecords(databases);
        var body = new StringBuilder();
        body.AppendLine(LatencyStats.TableHeader);
        var plans = new StringBuilder("| case | index scanned (page 1 / page 2) | sort node | shared buffers (page 1 / page 2) |\n|---|---|---|---|\n");
        foreach (var (label, query) in Cases())
        {
            Console.WriteLine(label);
            var cursorOfPageTwo = (await records.ListAsync(OrgId, query, null, PageLimit, cancellationToken)).NextCursor;
            var first = await ExplainAsync(dataSource, query, null, cancellationToken);
            var next = await ExplainAsync(dataSource, query, cursorOfPageTwo, cancellationToken);
            if (first.Index is null || next.Index is null || first.Sorts || next.Sorts)
            {
                throw new InvalidOperationException($"{label}: the listing did not read an index in order:\n{first.Text}\n{next.Text}");
            }

            string? cursor = null;
            var pages = 0;
            async Task NextPageAsync()
            {
                var page = await records.ListAsync(OrgId, query, cursor, PageLimit, cancellationToken);
                cursor = ++pages % PagesPerWalk == 0 ? null : page.NextCursor;
            }

            await LatencyStats.MeasureAsync(100, 1, NextPageAsync);
            var stats = await LatencyStats.MeasureAsync(Samples, 1, NextPageAsync);
            body.AppendLine(stats.Format(label));
            plans.AppendLine(CultureInfo.InvariantCulture, $"| {label} | `{first.Index}` / `{next.Index}` | none | {first.Buffers} / {next.Buffers} |");
        }

        body.AppendLine();
        body.AppendLine(plans.ToString());
        body.AppendLine(string.Create(CultureInfo.InvariantCulture, $"""
            {Jobs:N0} jobs of one org in its results database (real migration 0003_jobs.sql, loaded with binary COPY, then ANALYZE):
            180 days, 85 % succeeded / 8 % failed / 3 % cancelled / 2 % running / 2 % pending, 20 tasks × 3 versions
            (skewed: a few popular), {JobListingData.Submitters} submitters. Each sample is one call of `PostgresJobRecords.ListAsync`
            with limit {PageLimit} (one query through a pooled `NpgsqlDataSource`, rows mapped to `JobSummary`), walking
            {PagesPerWalk} pages by cursor and starting over, one caller at a time; PostgreSQL, the harness and other work share the 2 cores.
            Plans are EXPLAIN ANALYZE of the same SQL for the first page and for page two (keyset condition on `(created_at, id)`);
            the harness fails if a plan has no index scan or has a sort node.
            """));
        return new BenchmarkReport("Job listing: 100,000 jobs of one org, a page at a time", body.ToString());
    }

    private static IEnumerable<(string Label, JobQuery Query)> Cases() =>
    [
        ("newest first, no filter", new JobQuery()),
        ("oldest first, no filter", new JobQuery { Sort = JobSort.OldestFirst }),
        ("status = Failed (8 %)", new JobQuery { Status = JobStatus.Failed }),
        ("status = Running (2 %)", new JobQuery { Status = JobStatus.Running }),
        ("kind = Pipeline (10 %)", new JobQuery { Kind = JobKind.Pipeline }),
        ("target = task-10@2.0.0 (exact, ~0.5 %)", new JobQuery { Target = $"{JobListingData.Task(10)}@2.0.0" }),
        ("target = task-01 (all versions, ~8 %)", new JobQuery { Target = JobListingData.Task(1) }),
        ("submitter + last 30 days (~0.3 %)", new JobQuery
        {
            SubmittedBy = JobListingData.Submitter(7),
            CreatedFrom = JobListingData.End.AddDays(-30),
            CreatedBefore = JobListingData.End,
        }),
    ];

    private static async Task<ListingPlan> ExplainAsync(NpgsqlDataSource dataSource, JobQuery query, string? after, CancellationToken cancellationToken)
    {
        await using var command = JobListingCommand.Create(dataSource, query, after is null ? null : KeysetCursor.Decode(after), PageLimit + 1);
        command.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + command.CommandText;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(reader.GetString(0));
        }

        var text = string.Join('\n', lines);
        var index = IndexScan().Match(text);
        var buffers = Buffers().Match(text);
        return new ListingPlan(
            text,
            index.Success ? index.Groups[1].Value : null,
            lines.Any(line => line.TrimStart().StartsWith("->  Sort", StringComparison.Ordinal) || line.StartsWith("Sort", StringComparison.Ordinal)),
            buffers.Success ? int.Parse(buffers.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
    }

    [GeneratedRegex(@"Index (?:Only )?Scan(?: Backward)? using (\w+)")]
    private static partial Regex IndexScan();

    // The first Buffers line belongs to the plan's top node, so it counts the whole query.
    [GeneratedRegex(@"Buffers: shared hit=(\d+)")]
    private static partial Regex Buffers();
}
