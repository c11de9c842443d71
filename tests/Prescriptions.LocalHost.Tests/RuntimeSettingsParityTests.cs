using System.Text.Json;
using Prescriptions.Testing;

namespace Prescriptions.LocalHost.Tests;

/// <summary>
/// Both hosts run with the same runtime settings (src/HostRuntime.props), read from the runtimeconfig.json files the
/// build writes: a figure measured on the local host is a figure of the function app's worker.
/// </summary>
public sealed class RuntimeSettingsParityTests
{
    private static readonly string[] Settings =
    [
        "System.GC.Server",
        "System.GC.Concurrent",
        "System.Threading.ThreadPool.UnfairSemaphoreSpinLimit",
    ];

    [Fact]
    public void Function_app_and_local_host_run_with_the_same_gc_and_thread_pool_settings()
    {
        var functionApp = ConfigProperties(RepositoryPaths.Combine("src", "Prescriptions.Functions", "bin", RepositoryPaths.Configuration, "net10.0", "Prescriptions.Functions.runtimeconfig.json"));
        var localHost = ConfigProperties(RepositoryPaths.Combine("src", "Prescriptions.LocalHost", "bin", RepositoryPaths.Configuration, "net10.0", "Prescriptions.LocalHost.runtimeconfig.json"));

        foreach (var setting in Settings)
        {
            Assert.True(functionApp.ContainsKey(setting), $"The function app's runtimeconfig.json does not set {setting}.");
            Assert.Equal(functionApp[setting], localHost.GetValueOrDefault(setting));
        }

        Assert.Equal("false", functionApp["System.GC.Server"]);
        Assert.Equal("0", functionApp["System.Threading.ThreadPool.UnfairSemaphoreSpinLimit"]);
    }

    private static Dictionary<string, string> ConfigProperties(string path)
    {
        Assert.True(File.Exists(path), $"Build the host first: {path} is missing.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").EnumerateObject()
            .ToDictionary(property => property.Name, property => property.Value.ToString().ToLowerInvariant(), StringComparer.Ordinal);
    }
}
