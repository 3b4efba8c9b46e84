namespace MolDash.GrainInterfaces.Access;

/// <summary>The address of the client a request came from, carried in the RequestContext for audit and throttling.</summary>
public static class ClientAddressContext
{
    private const string Key = "moldash.client";

    public static string? Current => RequestContext.Get(Key) as string;

    public static void Set(string address) => RequestContext.Set(Key, address);
}
