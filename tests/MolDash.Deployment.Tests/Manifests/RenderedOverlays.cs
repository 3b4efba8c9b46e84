using System.Collections.Concurrent;

namespace MolDash.Deployment.Tests.Manifests;

/// <summary>Each overlay rendered once for all the tests of a class.</summary>
public sealed class RenderedOverlays
{
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<Manifest>>> renders = new();

    public IReadOnlyList<Manifest> this[string overlay] =>
        renders.GetOrAdd(overlay, name => new Lazy<IReadOnlyList<Manifest>>(() => Kustomize.Render(Path.Combine("overlays", name)))).Value;
}
