namespace MolDash.Grains.Persistence;

public sealed record Migration(string Id, string Sql, string Checksum);
