namespace MolDash.Bench.Jobs;

/// <summary>What EXPLAIN (ANALYZE, BUFFERS) said about one page of the listing.</summary>
/// <param name="Index">The index scanned, or null when the plan scanned none.</param>
/// <param name="Sorts">Whether the plan sorts rows instead of reading them in index order.</param>
/// <param name="Buffers">Shared buffers the whole query touched: flat across pages when keyset paging works.</param>
public sealed record ListingPlan(string Text, string? Index, bool Sorts, int Buffers);
