namespace MolDash.Grains.Artifacts.Formats;

/// <summary>A file that claims a format but breaks its rules; <see cref="LineNumber"/> is null when the file as a whole is at fault.</summary>
public sealed class MalformedMoleculeException : Exception
{
    public MalformedMoleculeException()
    {
    }

    public MalformedMoleculeException(string message) : base(message)
    {
    }

    public MalformedMoleculeException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public MalformedMoleculeException(int? lineNumber, string reason) : base(reason) => LineNumber = lineNumber;

    public int? LineNumber { get; }

    /// <summary>The reason with its place: "line 4: …", or the reason alone.</summary>
    public string Located => LineNumber is { } line ? $"line {line}: {Message}" : Message;
}
