using Microsoft.AspNetCore.Routing.Patterns;
using Prescriptions.LocalHost.Discovery;
using Prescriptions.LocalHost.Invocation;

namespace Prescriptions.LocalHost.Http;

/// <summary>Maps every HTTP function of the catalog to <c>{routePrefix}/{route}</c> with its methods; catch-all routes last.</summary>
internal static class HttpFunctionEndpoints
{
    public static void MapHttpFunctions(this IEndpointRouteBuilder endpoints, FunctionCatalog catalog, string routePrefix)
    {
        var isService = endpoints.ServiceProvider.GetRequiredService<IServiceProviderIsService>();
        var loggers = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>();

        foreach (var function in catalog.HttpFunctions)
        {
            var pattern = RoutePatternFactory.Parse(Combine(routePrefix, function.Route));
            var invoker = new FunctionInvoker<HttpContext>(function.Method, HttpParameterBinders.Create(function, pattern, isService));
            EnsureWritableResult(function);

            // "Function.{Name}" is the log category the Functions host uses for a function.
            RequestDelegate handle = new HttpFunctionHandler(function, invoker, loggers.CreateLogger($"Function.{function.Name}")).HandleAsync;
            var builder = function.Methods is null
                ? endpoints.Map(pattern, handle)
                : endpoints.MapMethods(pattern.RawText!, function.Methods.Select(m => m.ToUpperInvariant()), handle);
            if (IsCatchAll(pattern))
            {
                // As on the Functions host, a catch-all route only takes what no other route of any method takes.
                builder.Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = CatchAllOrder);
            }

            builder
                .WithDisplayName($"Function {function.Name}")
                .WithMetadata(new HttpFunctionEndpointMetadata(function.Name, function.Methods, function.Route, function.AuthLevel));
        }
    }

    /// <summary>The order of catch-all routes: after every other route (those have the default order, 0).</summary>
    public const int CatchAllOrder = 1;

    /// <summary>Whether the route ends in a catch-all parameter such as <c>{*path}</c>.</summary>
    public static bool IsCatchAll(RoutePattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return pattern.Parameters.Any(parameter => parameter.IsCatchAll);
    }

    /// <summary>The prefixed route template, e.g. "api/prescriptions/{id}", or just the route when the prefix is empty.</summary>
    public static string Combine(string routePrefix, string route) =>
        string.IsNullOrEmpty(routePrefix) ? route : $"{routePrefix}/{route}";

    private static void EnsureWritableResult(HttpFunctionDescriptor function)
    {
        var resultType = ReturnValue.For(function.Method.ReturnType).ResultType;
        if (resultType is not null && !typeof(Microsoft.AspNetCore.Mvc.IActionResult).IsAssignableFrom(resultType) && !typeof(IResult).IsAssignableFrom(resultType))
        {
            throw new InvalidOperationException(
                $"Function '{function.Name}' returns {resultType}; the local host writes IActionResult or IResult (or nothing).");
        }
    }
}
