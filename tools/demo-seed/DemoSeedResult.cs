namespace MolDash.DemoSeed;

/// <summary>What the demo org holds after seeding: its id and the demo run (a new job, or the cached one).</summary>
public sealed record DemoSeedResult(Guid OrgId, Guid JobId, string Cache);
