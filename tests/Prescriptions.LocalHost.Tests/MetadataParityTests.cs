using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Prescriptions.LocalHost.Discovery;
using Prescriptions.LocalHost.Http;
using Prescriptions.LocalHost.Tests.Support;
using Prescriptions.Testing;

namespace Prescriptions.LocalHost.Tests;

/// <summary>
/// The local host serves exactly what the Functions host would: the Worker SDK's functions.metadata (built with the
/// Functions project, which this project references) against the endpoints and timer registrations of the running host.
/// </summary>
public sealed class MetadataParityTests
{
    private static string MetadataPath => RepositoryPaths.Combine(
        "src", "Prescriptions.Functions", "bin", RepositoryPaths.Configuration, "net10.0", "functions.metadata");

    [Fact]
    public async Task Running_local_host_serves_what_functions_metadata_declares()
    {
        var routePrefix = HostJson.ReadRoutePrefix(RepositoryPaths.Combine(HostJson.FileName));
        var declared = ReadMetadata(MetadataPath, routePrefix);

        await using var host = await RunningHost.StartAsync();
        var served = ServedHttpFunctions(host).Concat(ScheduledTimerFunctions(host)).ToHashSet();

        Assert.Contains(declared, f => f.Name == "Health");
        Assert.Equal(Describe(declared), Describe(served));
    }

    /// <summary>One function as both hosts see it; Methods is "*" for every method, Route carries the route prefix.</summary>
    private sealed record Served(string Name, string Trigger, string Methods, string? Route, string? AuthLevel, string? Schedule, bool RunOnStartup);

    private static HashSet<Served> ReadMetadata(string path, string routePrefix)
    {
        Assert.True(File.Exists(path), $"Build the Functions project first: {path} is missing.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var functions = new HashSet<Served>();
        foreach (var function in document.RootElement.EnumerateArray())
        {
            var name = function.GetProperty("name").GetString()!;
            var trigger = function.GetProperty("bindings").EnumerateArray()
                .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));
            var type = trigger.GetProperty("type").GetString()!;
            functions.Add(type switch
            {
                "httpTrigger" => new Served(
                    name,
                    type,
                    trigger.TryGetProperty("methods", out var methods) ? Join(methods.EnumerateArray().Select(m => m.GetString()!)) : "*",
                    // The Functions host's rules: no route means the function name; the prefix comes from host.json.
                    Prefixed(routePrefix, trigger.TryGetProperty("route", out var route) ? route.GetString()! : name),
                    // The SDK leaves authLevel out when the attribute does not set it; HttpTriggerAttribute's default is Function.
                    trigger.TryGetProperty("authLevel", out var auth) ? auth.GetString() : "Function",
                    Schedule: null,
                    RunOnStartup: false),
                _ => new Served(
                    name,
                    type,
                    "*",
                    Route: null,
                    AuthLevel: null,
                    trigger.TryGetProperty("schedule", out var schedule) ? schedule.GetString() : null,
                    trigger.TryGetProperty("runOnStartup", out var startup) && startup.GetBoolean()),
            });
        }

        return functions;
    }

    private static IEnumerable<Served> ServedHttpFunctions(RunningHost host) =>
        host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(endpoint => (endpoint, function: endpoint.Metadata.GetMetadata<HttpFunctionEndpointMetadata>()))
            .Where(pair => pair.function is not null)
            .Select(pair => new Served(
                pair.function!.FunctionName,
                "httpTrigger",
                pair.endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods ? Join(methods.HttpMethods) : "*",
                pair.endpoint.RoutePattern.RawText,
                pair.function.AuthLevel.ToString(),
                Schedule: null,
                RunOnStartup: false));

    private static IEnumerable<Served> ScheduledTimerFunctions(RunningHost host) =>
        host.Scheduler.Registrations.Select(r => new Served(
            r.Name, "timerTrigger", "*", Route: null, AuthLevel: null, r.Schedule.Expression, r.Function.RunOnStartup));

    private static string Join(IEnumerable<string> methods) => string.Join(",", methods.Select(m => m.ToLowerInvariant()).Order(StringComparer.Ordinal));

    private static string Prefixed(string prefix, string route) => prefix.Length == 0 ? route.Trim('/') : $"{prefix}/{route.Trim('/')}";

    /// <summary>Sorted lines, so a failure shows which function differs.</summary>
    private static string Describe(IEnumerable<Served> functions) =>
        string.Join(Environment.NewLine, functions.Select(f => f.ToString()).Order(StringComparer.Ordinal));
}
