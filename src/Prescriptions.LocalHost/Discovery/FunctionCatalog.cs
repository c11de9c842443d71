using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Prescriptions.LocalHost.Discovery;

/// <summary>The HTTP and timer functions found in function classes, read from the same attributes the Worker SDK reads.</summary>
public sealed class FunctionCatalog
{
    private FunctionCatalog(IReadOnlyList<HttpFunctionDescriptor> http, IReadOnlyList<TimerFunctionDescriptor> timers, IReadOnlyList<string> unsupported)
    {
        HttpFunctions = http;
        TimerFunctions = timers;
        UnsupportedFunctions = unsupported;
    }

    public IReadOnlyList<HttpFunctionDescriptor> HttpFunctions { get; }

    public IReadOnlyList<TimerFunctionDescriptor> TimerFunctions { get; }

    /// <summary>Names of functions with a trigger the local host cannot run (queue, blob, ...).</summary>
    public IReadOnlyList<string> UnsupportedFunctions { get; }

    /// <summary>The function app's own functions.</summary>
    public static FunctionCatalog ForFunctionApp() => Discover(typeof(Functions.ServiceCollectionExtensions).Assembly);

    public static FunctionCatalog Discover(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        return FromTypes(assemblies.SelectMany(assembly => assembly.GetExportedTypes()));
    }

    public static FunctionCatalog FromTypes(params Type[] types) => FromTypes((IEnumerable<Type>)types);

    public static FunctionCatalog FromTypes(IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var http = new List<HttpFunctionDescriptor>();
        var timers = new List<TimerFunctionDescriptor>();
        var unsupported = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var type in types.Where(t => t.IsClass && (!t.IsAbstract || t.IsSealed)))
        {
            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly);
            foreach (var method in methods)
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
                {
                    continue;
                }

                // The Functions host refuses an app with two functions of one name; so do we.
                if (!names.Add(function.Name))
                {
                    throw new InvalidOperationException($"Function name '{function.Name}' is used twice (again on {type.FullName}.{method.Name}).");
                }

                if (Describe<HttpTriggerAttribute>(method) is var (httpParameter, httpTrigger))
                {
                    http.Add(new HttpFunctionDescriptor(
                        function.Name,
                        httpTrigger.Methods?.Select(m => m.ToLowerInvariant()).Order(StringComparer.Ordinal).ToArray(),
                        // Like the Functions host: no route means the function name is the route.
                        string.IsNullOrWhiteSpace(httpTrigger.Route) ? function.Name : httpTrigger.Route.Trim('/'),
                        httpTrigger.AuthLevel,
                        method,
                        httpParameter));
                }
                else if (Describe<TimerTriggerAttribute>(method) is var (timerParameter, timerTrigger))
                {
                    timers.Add(new TimerFunctionDescriptor(function.Name, timerTrigger.Schedule, timerTrigger.RunOnStartup, method, timerParameter));
                }
                else
                {
                    unsupported.Add(function.Name);
                }
            }
        }

        return new FunctionCatalog(
            http.OrderBy(f => f.Name, StringComparer.Ordinal).ToArray(),
            timers.OrderBy(f => f.Name, StringComparer.Ordinal).ToArray(),
            unsupported.Order(StringComparer.Ordinal).ToArray());
    }

    private static (ParameterInfo Parameter, TAttribute Trigger)? Describe<TAttribute>(MethodInfo method)
        where TAttribute : Attribute
    {
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<TAttribute>() is { } trigger)
            {
                return (parameter, trigger);
            }
        }

        return null;
    }
}
