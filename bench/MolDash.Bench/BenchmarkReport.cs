namespace MolDash.Bench;

/// <summary>A suite's results: a heading and a Markdown body (tables of figures, notes).</summary>
public sealed record BenchmarkReport(string Title, string MarkdownBody);
