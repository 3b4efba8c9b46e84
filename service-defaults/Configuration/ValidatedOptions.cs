using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MolDash.ServiceDefaults.Configuration;

public static class ValidatedOptions
{
    /// <summary>Binds a section to <typeparamref name="T"/>, validated by its data annotations when the host starts.</summary>
    public static IServiceCollection AddValidatedOptions<T>(this IServiceCollection services, string section)
        where T : class
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>
    /// Reads settings needed while the host is still being built (such as Orleans' connection string),
    /// failing with every problem named when they are missing or invalid.
    /// </summary>
    public static T GetValidated<T>(this IConfiguration configuration, string section)
        where T : class, new()
    {
        var value = configuration.GetSection(section).Get<T>() ?? new T();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
        {
            throw new InvalidOperationException(
                $"Invalid configuration in section '{section}': " + string.Join(" ", results.Select(r => r.ErrorMessage)));
        }

        return value;
    }
}
