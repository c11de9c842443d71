using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using Azure.Core.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Prescriptions.Storage.Tests;

/// <summary>
/// The storage clients the hosts use write no SDK request/response events: the client factory listens to the SDK at
/// Verbose, so each such event would format every call's headers for a log line filtered out anyway.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageClientLoggingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_storage_call_of_the_hosts_clients_formats_no_request_or_response_event()
    {
        var ours = "sdklogours" + Guid.NewGuid().ToString("N")[..8];
        var defaults = "sdklogdefault" + Guid.NewGuid().ToString("N")[..8];
        var events = new ConcurrentBag<string>();
        using var listener = new AzureEventSourceListener(
            (e, _) =>
            {
                if (e.EventName is "Request" or "Response" && e.Payload is { } payload)
                {
                    events.Add(string.Join(' ', payload));
                }
            },
            EventLevel.Verbose);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPrescriptionsStorage(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{StorageServiceCollectionExtensions.StorageSection}:connectionString"] = azurite.Emulator.ConnectionString })
            .Build());
        await using var provider = services.BuildServiceProvider();

        await ReadAsync(provider.GetRequiredService<TableServiceClient>().GetTableClient(ours));
        // The listener does hear a client with the SDK's default options.
        await ReadAsync(new TableServiceClient(azurite.Emulator.ConnectionString).GetTableClient(defaults));

        Assert.Contains(events, e => e.Contains(defaults, StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => e.Contains(ours, StringComparison.Ordinal));
    }

    /// <summary>A point read: its address names the table.</summary>
    private static async Task ReadAsync(TableClient table)
    {
        await table.CreateIfNotExistsAsync();
        await table.GetEntityIfExistsAsync<TableEntity>("partition", "row");
    }
}
