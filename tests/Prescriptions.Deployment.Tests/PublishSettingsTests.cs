using System.Diagnostics;
using System.Text.Json;
using Prescriptions.Testing;

namespace Prescriptions.Deployment.Tests;

/// <summary>
/// What `azd deploy` publishes: ReadyToRun code for Flex Consumption's Linux x64 workers (the cold start), framework
/// dependent; and a plain build stays portable (no runtime identifier), so tests and the local host are unchanged.
/// </summary>
public sealed class PublishSettingsTests
{
    [Fact]
    public async Task The_function_app_publishes_ReadyToRun_for_linux_x64()
    {
        var published = await PropertiesAsync("-p:_IsPublishing=true");

        Assert.Equal("true", published["PublishReadyToRun"]);
        Assert.Equal("linux-x64", published["RuntimeIdentifier"]);
        Assert.Equal("false", published["SelfContained"]);
    }

    [Fact]
    public async Task A_build_names_no_runtime()
    {
        var built = await PropertiesAsync();

        Assert.Equal(string.Empty, built["RuntimeIdentifier"]);
        Assert.NotEqual("true", built["PublishReadyToRun"]);
    }

    private static async Task<Dictionary<string, string>> PropertiesAsync(params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments = ["msbuild", "src/Prescriptions.Functions/Prescriptions.Functions.csproj", "-p:Configuration=Release",
            "-getProperty:PublishReadyToRun", "-getProperty:RuntimeIdentifier", "-getProperty:SelfContained", .. extra];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output + await process.StandardError.ReadToEndAsync());
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty);
    }
}
