using System.Collections.Concurrent;
using System.Net;

namespace MolDash.Docking.Tests.Infrastructure;

/// <summary>Receptors prepared once through the service and reused, as a platform pipeline would.</summary>
public static class PreparedReceptors
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Cache = new(StringComparer.Ordinal);

    public static Task<string> GetAsync(DockingHost host, string complex) =>
        Cache.GetOrAdd(complex, id => new Lazy<Task<string>>(async () =>
        {
            var (response, body) = await host.PostAsync("/prepare-receptor", new { receptor = SharedData.Complex(id, "receptor.pdb") });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return body["pdbqt"]!.GetValue<string>();
        })).Value;
}
