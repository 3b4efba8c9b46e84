namespace MolDash.GrainInterfaces.Access;

/// <summary>
/// Reads and writes the caller carried in <see cref="RequestContext"/>. The API sets it per request;
/// Orleans copies it into every grain call made from that request, including grain-to-grain calls.
/// </summary>
public static class CallerContext
{
    private const string Key = "moldash.caller";

    public static Caller? Current => RequestContext.Get(Key) as Caller;

    public static void Set(Caller caller) => RequestContext.Set(Key, caller);

    public static void Clear() => RequestContext.Remove(Key);
}
