using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MolDash.Grains.TaskServices.Kubernetes;

public static class KubernetesDiscoveryExtensions
{
    /// <summary>Adds the EndpointSlice watcher when TaskServices:Kubernetes:Enabled is true; nothing otherwise.</summary>
    public static IServiceCollection AddKubernetesTaskDiscovery(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(KubernetesDiscoveryOptions.Section);
        if (section.Get<KubernetesDiscoveryOptions>() is not { Enabled: true })
        {
            return services;
        }

        services.AddOptions<KubernetesDiscoveryOptions>().Bind(section);
        services.AddSingleton<IKubernetesEndpoints, KubernetesEndpoints>();
        services.AddSingleton<IDiscoveredInstancesSink, TaskServiceGrainSink>();
        services.AddHostedService<KubernetesTaskDiscovery>();
        return services;
    }
}
