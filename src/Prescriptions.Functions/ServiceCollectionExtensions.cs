using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Prescriptions.Functions;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers everything the functions need. Both hosts (Functions and the local host) call this.</summary>
    public static IServiceCollection AddPrescriptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
