namespace MolDash.Api.Uploads;

/// <summary>The file part of an upload request: its name, an optional declared format, and its bytes as they arrive.</summary>
public sealed record UploadedFile(string FileName, string? Format, Stream Body, long? Length);
