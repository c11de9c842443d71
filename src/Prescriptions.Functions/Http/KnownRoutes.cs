using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Prescriptions.Functions.Http;

/// <summary>
/// The function app's HTTP routes and their methods, built once by reflection from the <c>[Function]</c> /
/// <c>[HttpTrigger]</c> attributes (the same source the Functions host's metadata comes from), so an unknown path is
/// told from a known path asked with the wrong method.
/// </summary>
public sealed class KnownRoutes
{
    /// <summary>host.json's extensions.http.routePrefix: every route is under it.</summary>
    public const string RoutePrefix = "api";

    private readonly IReadOnlyList<(string[] Segments, string[] Methods)> routes;

    private KnownRoutes(IReadOnlyList<(string[] Segments, string[] Methods)> routes) => this.routes = routes;

    public static KnownRoutes Current { get; } = Discover(typeof(KnownRoutes).Assembly);

    /// <summary>The routes of the HTTP functions of an assembly; a catch-all route (the fallback itself) is left out.</summary>
    public static KnownRoutes Discover(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var routes =
            from type in assembly.GetTypes()
            from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            where method.GetCustomAttribute<FunctionAttribute>() is not null
            from parameter in method.GetParameters()
            let trigger = parameter.GetCustomAttribute<HttpTriggerAttribute>()
            where trigger is not null && trigger.Route is not null && !trigger.Route.Contains("{*", StringComparison.Ordinal)
            select (trigger.Route!.Trim('/').Split('/'), (trigger.Methods ?? []).Select(m => m.ToUpperInvariant()).ToArray());
        return new KnownRoutes(routes.ToList());
    }

    /// <summary>The methods the path accepts, upper case and sorted; empty when no route has the path.</summary>
    public IReadOnlyList<string> MethodsOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Trim('/').Split('/');
        if (segments.Length == 0 || !string.Equals(segments[0], RoutePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        return routes.Where(route => Matches(route.Segments, segments.AsSpan(1)))
            .SelectMany(route => route.Methods).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A template segment "{name}" matches any one non-empty segment; others match literally, ignoring case as routing does.</summary>
    private static bool Matches(string[] template, ReadOnlySpan<string> path)
    {
        if (template.Length != path.Length)
        {
            return false;
        }

        for (var i = 0; i < template.Length; i++)
        {
            var isParameter = template[i].StartsWith('{') && template[i].EndsWith('}');
            if (isParameter ? path[i].Length == 0 : !string.Equals(template[i], path[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
