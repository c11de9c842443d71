using Microsoft.Extensions.Configuration;
using Prescriptions.LocalHost.Tests.Support;

namespace Prescriptions.LocalHost.Tests;

public sealed class LocalSettingsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("localsettings-").FullName;

    [Fact]
    public void Values_become_configuration_keys()
    {
        var path = Write("""{ "IsEncrypted": false, "Values": { "Schedule": "0 0 * * * *", "Storage__Account": "dev", "Retries": 3 } }""");

        var values = LocalSettings.ReadValues(path);

        Assert.Equal("0 0 * * * *", values["Schedule"]);
        Assert.Equal("dev", values["Storage:Account"]);
        Assert.Equal("3", values["Retries"]);
    }

    [Fact]
    public void Values_have_the_lowest_priority()
    {
        var path = Write("""{ "Values": { "Schedule": "from local settings", "Other": "kept" } }""");

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Schedule"] = "from configuration" })
            .AddLocalSettingsValues(path)
            .Build();

        Assert.Equal("from configuration", configuration["Schedule"]);
        Assert.Equal("kept", configuration["Other"]);
    }

    [Fact]
    public void Missing_file_adds_nothing()
    {
        var builder = new ConfigurationBuilder().AddLocalSettingsValues(Path.Combine(folder, "absent.json"));

        Assert.Empty(builder.Sources);
    }

    [Fact]
    public async Task The_host_reads_the_copy_beside_the_running_assembly()
    {
        await using var app = RunningHost.Build();

        // The function app's local.settings.json, copied into this output folder through the project references.
        Assert.Equal("dotnet-isolated", app.Configuration["FUNCTIONS_WORKER_RUNTIME"]);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(folder, LocalSettings.FileName);
        File.WriteAllText(path, json);
        return path;
    }
}
