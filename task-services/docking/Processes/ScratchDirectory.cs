namespace MolDash.Docking.Processes;

/// <summary>A private folder for one run; disposing it deletes everything the engines wrote there.</summary>
public sealed class ScratchDirectory : IDisposable
{
    private ScratchDirectory(string path) => Path = path;

    public string Path { get; }

    public static ScratchDirectory Create(string parent)
    {
        var path = System.IO.Path.Combine(parent, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return new ScratchDirectory(path);
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public ScratchDirectory Child(string name)
    {
        var path = File(name);
        Directory.CreateDirectory(path);
        return new ScratchDirectory(path);
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
