namespace MolDash.GrainInterfaces.Access;

/// <summary>
/// Lets a grain interface, or one of its methods, be called without a caller in the RequestContext (the
/// login check; a task service registering itself with its service key). Such a method checks its own
/// credential where the data is. Every other MolDash grain call without a caller is refused.
/// </summary>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Method, Inherited = false)]
public sealed class AllowAnonymousCallsAttribute : Attribute;
