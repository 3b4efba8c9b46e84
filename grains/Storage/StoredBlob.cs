namespace MolDash.Grains.Storage;

/// <summary>What the store knows of one blob after it was written or listed.</summary>
public sealed record StoredBlob(string Name, long Size, string ContentType, string Sha256, DateTimeOffset LastModified);
