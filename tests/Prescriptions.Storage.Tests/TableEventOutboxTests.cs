using Microsoft.Extensions.Options;
using Prescriptions.Application.Webhooks;
using Prescriptions.Storage.Prescriptions;

namespace Prescriptions.Storage.Tests;

/// <summary>The outbox's writes that save storage requests: a page claimed in one write; a delivered event's log and removal in one.</summary>
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

    [Fact]
    public async Task A_page_of_events_is_claimed_in_one_write_with_each_ones_new_version()
    {
        var (outbox, due) = await DueEventsAsync(3);
        var leaseUntil = DateTimeOffset.UtcNow.AddMinutes(5);

        var claimed = await outbox.TryClaimAllAsync(due, leaseUntil, CancellationToken.None);

        Assert.NotNull(claimed);
        Assert.Equal(due.Select(e => e.Event.Id), claimed.Select(e => e.Event.Id));
        Assert.Empty(await outbox.ListDueAsync("clinic-a", DateTimeOffset.UtcNow.AddMinutes(1), 10, CancellationToken.None));
        // Each claim carries the row's new version: the sweep that holds it can settle it.
        foreach (var entry in claimed)
        {
            Assert.True(await outbox.TryRemoveAsync(entry, [], CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_page_with_one_event_another_sweep_took_claims_none_of_them()
    {
        var (outbox, due) = await DueEventsAsync(3);
        var taken = await outbox.TryClaimAsync(due[1], DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None);

        Assert.Null(await outbox.TryClaimAllAsync(due, DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None));

        // The others are untouched, still claimable one by one at the version read.
        Assert.NotNull(await outbox.TryClaimAsync(due[0], DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None));
        Assert.NotNull(await outbox.TryClaimAsync(due[2], DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None));
        Assert.Equal(taken!.ETag, (await outbox.FindAsync("clinic-a", due[1].Event.Id, CancellationToken.None))!.ETag);
    }

    private async Task<(TableEventOutbox Outbox, OutboxEntry Entry)> OneDueEventAsync()
    {
        var (outbox, due) = await DueEventsAsync(1);
        return (outbox, Assert.Single(due));
    }

    /// <summary>A fresh table with <paramref name="count"/> created prescriptions of clinic-a: one due event each.</summary>
    private async Task<(TableEventOutbox Outbox, IReadOnlyList<OutboxEntry> Due)> DueEventsAsync(int count)
    {
        var options = Options.Create(new PrescriptionStorageOptions { TableName = "outbox" + Guid.NewGuid().ToString("N")[..12] });
        var repository = new TablePrescriptionRepository(azurite.Tables, options);
        for (var i = 0; i < count; i++)
        {
            var prescription = TablePrescriptionRepositoryTests.Sample("clinic-a", "rx-" + Guid.NewGuid().ToString("N")[..8]);
            await repository.CreateAsync(TablePrescriptionRepositoryTests.Write(prescription), null, CancellationToken.None);
        }

        var outbox = new TableEventOutbox(azurite.Tables, options);
        var due = await outbox.ListDueAsync("clinic-a", DateTimeOffset.UtcNow.AddMinutes(1), 10, CancellationToken.None);
        Assert.Equal(count, due.Count);
        return (outbox, due);
    }

    private static DeliveryAttempt Delivery(OutboxEntry entry, string partner) =>
        new(entry.Event.ClinicId, entry.Event.Id, entry.Event.Type, partner, 1, DateTimeOffset.UtcNow, Succeeded: true, DurationMs: 5, StatusCode: 200);
}
