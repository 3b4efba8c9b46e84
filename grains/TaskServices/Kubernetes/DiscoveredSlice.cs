namespace MolDash.Grains.TaskServices.Kubernetes;

/// <param name="Group">"&lt;namespace&gt;/&lt;slice name&gt;": the grain replaces this slice's addresses and keeps the others'.</param>
/// <param name="TaskKey">The task-service grain the slice's labels name.</param>
/// <param name="Addresses">Base addresses of its ready endpoints, e.g. "http://10.1.2.3:8080/".</param>
public sealed record DiscoveredSlice(string Group, string TaskKey, IReadOnlyList<string> Addresses);
