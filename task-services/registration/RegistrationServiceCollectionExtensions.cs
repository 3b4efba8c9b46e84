using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MolDash.TaskServices.Registration;

public static class RegistrationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the service with the MolDash platform when "PlatformRegistration:Url" is configured (off
    /// otherwise); a partial configuration stops the service at start with what is missing.
    /// </summary>
    public static IServiceCollection AddPlatformRegistration(this IServiceCollection services)
    {
        services.AddOptions<PlatformRegistrationOptions>().BindConfiguration(PlatformRegistrationOptions.Section)
            .Validate(options => options.Problem() is null, "PlatformRegistration needs Url, OrgId, Task, Version and ServiceKey together.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<PlatformRegistration>();
        return services;
    }
}
