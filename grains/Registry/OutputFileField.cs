namespace MolDash.Grains.Registry;

/// <summary>Where a task's output holds a file as text: a JSON pointer pattern ('*' for every array item) and the file's format.</summary>
public sealed record OutputFileField(string Pattern, string Format);
