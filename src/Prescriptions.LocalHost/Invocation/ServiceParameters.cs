using System.Reflection;

namespace Prescriptions.LocalHost.Invocation;

/// <summary>Binds a parameter no trigger provides from DI, or explains at startup why it cannot be bound.</summary>
internal static class ServiceParameters
{
    public static ParameterBinder<TContext> Bind<TContext>(string functionName, ParameterInfo parameter, IServiceProviderIsService isService)
    {
        if (!isService.IsService(parameter.ParameterType))
        {
            throw new InvalidOperationException(
                $"Function '{functionName}': the local host cannot bind parameter '{parameter.Name}' of type {parameter.ParameterType}. "
                + "It binds the trigger, CancellationToken, route values (HTTP) and registered services.");
        }

        var type = parameter.ParameterType;
        return (_, services) => services.GetRequiredService(type);
    }
}
