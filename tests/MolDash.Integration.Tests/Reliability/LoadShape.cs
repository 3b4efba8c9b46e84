using System.Globalization;

namespace MolDash.Integration.Tests.Reliability;

/// <summary>A steady, bounded load: each submitter sends one echo job every <see cref="Every"/>, <see cref="JobsEach"/> times.</summary>
public sealed record LoadShape(int Submitters, int JobsEach, TimeSpan Every, int DelayMs)
{
    /// <summary>What the silo-kill and database-restart runs hold: 45 jobs of 400 ms at 5 jobs/s.</summary>
    public static LoadShape Steady { get; } = new(Submitters: 3, JobsEach: 15, Every: TimeSpan.FromMilliseconds(600), DelayMs: 400);

    public int Total => Submitters * JobsEach;

    public double JobsPerSecond => Submitters / Every.TotalSeconds;

    public TimeSpan Duration => Every * JobsEach;

    public string Describe(int apis) => string.Create(CultureInfo.InvariantCulture,
        $"{Total} echo jobs ({DelayMs} ms each) from {Submitters} submitters, {JobsPerSecond:0.#} jobs/s for {Duration.TotalSeconds:0} s, round-robin over {apis} APIs");
}
