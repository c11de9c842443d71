using Microsoft.AspNetCore.Routing.Patterns;
using Prescriptions.LocalHost.Discovery;
using Prescriptions.LocalHost.Invocation;

namespace Prescriptions.LocalHost.Http;

/// <summary>Decides at startup how each parameter of an HTTP function is bound, so a function the local host cannot call fails fast.</summary>
internal static class HttpParameterBinders
{
    public static ParameterBinder<HttpContext>[] Create(HttpFunctionDescriptor function, RoutePattern route, IServiceProviderIsService isService)
    {
        var routeParameters = route.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. function.Method.GetParameters().Select(parameter => Create(function, parameter, routeParameters, isService))];
    }

    private static ParameterBinder<HttpContext> Create(
        HttpFunctionDescriptor function, System.Reflection.ParameterInfo parameter, HashSet<string> routeParameters, IServiceProviderIsService isService)
    {
        // By position: ParameterInfo instances are not guaranteed to be the same object across GetParameters calls.
        if (parameter.Position == function.TriggerParameter.Position)
        {
            return parameter.ParameterType == typeof(HttpRequest)
                ? (context, _) => context.Request
                : throw new InvalidOperationException(
                    $"Function '{function.Name}': the local host binds [HttpTrigger] only to HttpRequest (ASP.NET Core integration), not {parameter.ParameterType}.");
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return (context, _) => context.RequestAborted;
        }

        if (parameter.Name is { } name && routeParameters.Contains(name))
        {
            var converter = RouteValueConverter.For(parameter.ParameterType)
                ?? throw new InvalidOperationException(
                    $"Function '{function.Name}': route value '{name}' cannot be converted to {parameter.ParameterType} (no TypeConverter from string).");
            return (context, _) => BindRouteValue(context, parameter, converter);
        }

        return ServiceParameters.Bind<HttpContext>(function.Name, parameter, isService);
    }

    private static object? BindRouteValue(HttpContext context, System.Reflection.ParameterInfo parameter, RouteValueConverter converter)
    {
        var raw = context.Request.RouteValues[parameter.Name!];
        if (raw is null || raw is string { Length: 0 })
        {
            // An optional route parameter that was left out.
            return parameter.HasDefaultValue ? parameter.DefaultValue
                : parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType) : null;
        }

        var text = Convert.ToString(raw, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        return converter.TryConvert(text, out var value)
            ? value
            // 400 rather than 404: the route matched, the value is just not of the parameter's type.
            : throw new BadHttpRequestException($"Route value '{parameter.Name}' is not a valid {(Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType).Name}.");
    }
}
