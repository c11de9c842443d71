using System.Net;
using Prescriptions.LocalHost.Discovery;
using Prescriptions.LocalHost.Tests.Samples;
using Prescriptions.LocalHost.Tests.Support;

namespace Prescriptions.LocalHost.Tests;

public sealed class RoutePrefixTests
{
    private static readonly FunctionCatalog Catalog = FunctionCatalog.FromTypes(typeof(SampleHttpFunctions));

    [Theory]
    [InlineData("", "AnyMethod", "api/AnyMethod")]
    [InlineData("v1", "v1/AnyMethod", "api/AnyMethod")]
    [InlineData("/edge/v1/", "edge/v1/AnyMethod", "v1/AnyMethod")]
    public async Task LocalHost_RoutePrefix_overrides_host_json(string prefix, string served, string notServed)
    {
        await using var host = await RunningHost.StartAsync(Catalog, new Dictionary<string, string?> { ["LocalHost:RoutePrefix"] = prefix });

        using var hit = await host.Client.GetAsync(served);
        using var miss = await host.Client.GetAsync(notServed);

        Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, miss.StatusCode);
    }

    [Fact]
    public async Task Without_an_override_the_prefix_is_host_jsons()
    {
        var expected = HostJson.ReadRoutePrefix(HostJson.Locate());
        await using var host = await RunningHost.StartAsync(Catalog);

        using var response = await host.Client.GetAsync($"{expected}/AnyMethod");

        Assert.Equal("api", expected);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
