namespace MolDash.Grains.Artifacts.Formats;

/// <summary>One file format the platform accepts: how to recognise it and how to check it line by line.</summary>
public interface IMoleculeFormat
{
    /// <summary>The lower-case name clients declare and filter by ("sdf").</summary>
    string Name { get; }

    string DisplayName { get; }

    string ContentType { get; }

    IReadOnlyList<string> Extensions { get; }

    /// <summary>True when the first lines of a file look like this format (not a full check).</summary>
    bool Recognizes(IReadOnlyList<string> head);

    /// <summary>A fresh checker for one file; it sees every line in order, then <see cref="ILineValidator.Complete"/>.</summary>
    ILineValidator CreateValidator();
}
