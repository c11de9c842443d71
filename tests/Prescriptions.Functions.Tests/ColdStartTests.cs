using System.Net;
using Prescriptions.Testing;

namespace Prescriptions.Functions.Tests;

/// <summary>
/// Nothing at start-up waits on storage: the host starts and serves a route that needs no storage while storage
/// refuses every connection (each table and blob is provisioned by the first request that uses it).
/// </summary>
public sealed class ColdStartTests
{
    [Fact]
    public async Task The_host_starts_and_answers_without_touching_storage()
    {
        var refused = FreePorts.Next(); // nothing listens there
        var storage = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + $"BlobEndpoint=http://127.0.0.1:{refused}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{refused}/devstoreaccount1;";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var api = await ApiHost.StartAsync(storage);
        using var document = await api.Client.GetAsync(new Uri("/api/openapi.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        using var health = await api.Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode); // storage is only reached when asked for
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"start and two requests took {watch.Elapsed}");
    }
}
