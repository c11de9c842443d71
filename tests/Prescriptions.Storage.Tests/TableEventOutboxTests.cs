using Microsoft.Extensions.Options;
using Prescriptions.Application.Webhooks;
using Prescriptions.Storage.Prescriptions;

namespace Prescriptions.Storage.Tests;

/// <summary>The outbox's removal of a delivered event: the delivery log and the removal in one write.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableEventOutboxTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_delivered_event_leaves_the_outbox_with_its_deliveries_logged_in_the_same_write()
    {
        var (outbox, entry) = await OneDueEventAsync();
        var claimed = await outbox.TryClaimAsync(entry, DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None);

        var removed = await outbox.TryRemoveAsync(claimed!, [Delivery(entry, "partner-a"), Delivery(entry, "partner-b")], CancellationToken.None);

        Assert.True(removed);
        Assert.Null(await outbox.FindAsync(entry.Event.ClinicId, entry.Event.Id, CancellationToken.None));
        var log = await outbox.DeliveriesAsync(entry.Event.ClinicId, entry.Event.Id, CancellationToken.None);
        Assert.Equal(["partner-a", "partner-b"], log.Select(d => d.Partner).Order());
    }

    [Fact]
    public async Task An_event_another_sweep_took_first_stays_and_the_deliveries_that_happened_are_still_logged()
    {
        var (outbox, entry) = await OneDueEventAsync();
        var ours = await outbox.TryClaimAsync(entry, DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None);
        // Our lease ran out and another sweep claimed the event: our version of the row is stale.
        var theirs = await outbox.TryClaimAsync(ours!, DateTimeOffset.UtcNow.AddMinutes(10), CancellationToken.None);

        var removed = await outbox.TryRemoveAsync(ours!, [Delivery(entry, "partner-a")], CancellationToken.None);

        Assert.False(removed);
        Assert.Equal(theirs!.ETag, (await outbox.FindAsync(entry.Event.ClinicId, entry.Event.Id, CancellationToken.None))!.ETag);
        Assert.Equal("partner-a", Assert.Single(await outbox.DeliveriesAsync(entry.Event.ClinicId, entry.Event.Id, CancellationToken.None)).Partner);
    }

    [Fact]
    public async Task An_unwanted_event_is_removed_with_nothing_logged()
    {
        var (outbox, entry) = await OneDueEventAsync();

        Assert.True(await outbox.TryRemoveAsync(entry, [], CancellationToken.None));

        Assert.Null(await outbox.FindAsync(entry.Event.ClinicId, entry.Event.Id, CancellationToken.None));
        Assert.Empty(await outbox.DeliveriesAsync(entry.Event.ClinicId, entry.Event.Id, CancellationToken.None));
    }

    private async Task<(TableEventOutbox Outbox, OutboxEntry Entry)> OneDueEventAsync()
    {
        var options = Options.Create(new PrescriptionStorageOptions { TableName = "outbox" + Guid.NewGuid().ToString("N")[..12] });
        var prescription = TablePrescriptionRepositoryTests.Sample("clinic-a", "rx-" + Guid.NewGuid().ToString("N")[..8]);
        await new TablePrescriptionRepository(azurite.Tables, options).CreateAsync(TablePrescriptionRepositoryTests.Write(prescription), null, CancellationToken.None);
        var outbox = new TableEventOutbox(azurite.Tables, options);
        var entry = Assert.Single(await outbox.ListDueAsync("clinic-a", DateTimeOffset.UtcNow.AddMinutes(1), 10, CancellationToken.None));
        return (outbox, entry);
    }

    private static DeliveryAttempt Delivery(OutboxEntry entry, string partner) =>
        new(entry.Event.ClinicId, entry.Event.Id, entry.Event.Type, partner, 1, DateTimeOffset.UtcNow, Succeeded: true, DurationMs: 5, StatusCode: 200);
}
