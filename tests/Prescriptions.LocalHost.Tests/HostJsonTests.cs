using Prescriptions.LocalHost.Discovery;
using Prescriptions.Testing;

namespace Prescriptions.LocalHost.Tests;

public sealed class HostJsonTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("hostjson-").FullName;

    [Theory]
    [InlineData("""{ "extensions": { "http": { "routePrefix": "v2" } } }""", "v2")]
    [InlineData("""{ "extensions": { "http": { "routePrefix": "/v2/" } } }""", "v2")]
    [InlineData("""{ "extensions": { "http": { "routePrefix": "" } } }""", "")]
    [InlineData("""{ "version": "2.0" }""", "api")]
    [InlineData("""{ "extensions": { "http": { } }, /* comment */ }""", "api")]
    public void Route_prefix_is_read_from_host_json(string json, string expected)
    {
        var path = Path.Combine(folder, HostJson.FileName);
        File.WriteAllText(path, json);

        Assert.Equal(expected, HostJson.ReadRoutePrefix(path));
    }

    [Fact]
    public void Missing_file_means_the_default_prefix()
    {
        Assert.Equal("api", HostJson.ReadRoutePrefix(Path.Combine(folder, "nothing.json")));
        Assert.Equal("api", HostJson.ReadRoutePrefix(null));
    }

    [Fact]
    public void The_copy_beside_the_running_assembly_comes_first()
    {
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, HostJson.FileName), HostJson.Locate());
    }

    [Fact]
    public void Without_a_copy_beside_the_assembly_the_repository_root_is_used()
    {
        var nested = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "tests", "Prescriptions.LocalHost.Tests", "obj", "hostjson-" + Guid.NewGuid().ToString("N")));
        try
        {
            Assert.Equal(RepositoryPaths.Combine(HostJson.FileName), HostJson.Locate(nested.FullName));
        }
        finally
        {
            nested.Delete();
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
