namespace MolDash.Grains.Registry;

/// <summary>Raised inside the import connection callback to stop a connection before it is made; carries the reason shown to the Admin.</summary>
public sealed class ImportRefusedException : Exception
{
    public ImportRefusedException()
    {
    }

    public ImportRefusedException(string message) : base(message)
    {
    }

    public ImportRefusedException(string message, Exception inner) : base(message, inner)
    {
    }
}
