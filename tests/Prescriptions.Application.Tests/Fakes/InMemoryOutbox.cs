using Prescriptions.Application.Webhooks;

namespace Prescriptions.Application.Tests.Fakes;

/// <summary>The event outbox in memory: entries by event id, each write conditional on the entry read (its ETag); safe for parallel sweeps.</summary>
internal sealed class InMemoryOutbox : IEventOutbox
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (OutboxEntry Entry, bool Dead)> entries = [];
    private int etags;

    public List<DeliveryAttempt> Deliveries { get; } = [];

    /// <summary>Pages claimed in one write (or refused).</summary>
    public int PageClaims { get; private set; }

    public void Add(Domain.Lifecycle.PrescriptionEvent @event, DateTimeOffset dueAt) =>
        Locked(() => entries[@event.Id] = (new OutboxEntry(@event, 0, dueAt, [], NextETag()), false));

    public bool IsDead(string eventId) => entries[eventId].Dead;

    /// <summary>Pages listed.</summary>
    public int Lists { get; private set; }

    public Task<IReadOnlyList<OutboxEntry>> ListDueAsync(string clinicId, DateTimeOffset now, int maxCount, CancellationToken cancellationToken) =>
        Task.FromResult(Locked<IReadOnlyList<OutboxEntry>>(() =>
        {
            Lists++;
            return [.. entries.Values.Where(e => !e.Dead && e.Entry.Event.ClinicId == clinicId && e.Entry.NextAttemptAt <= now).Select(e => e.Entry).Take(maxCount)];
        }));

    public Task<OutboxEntry?> TryClaimAsync(OutboxEntry entry, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        Task.FromResult(Locked(() => Replace(entry, entry with { NextAttemptAt = leaseUntil })));

    public Task<IReadOnlyList<OutboxEntry>?> TryClaimAllAsync(IReadOnlyList<OutboxEntry> entries, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        Task.FromResult(Locked<IReadOnlyList<OutboxEntry>?>(() =>
        {
            PageClaims++;
            return entries.All(IsCurrent) ? [.. entries.Select(entry => Replace(entry, entry with { NextAttemptAt = leaseUntil })!)] : null;
        }));

    public Task<bool> TryRemoveAsync(OutboxEntry entry, IReadOnlyList<DeliveryAttempt> deliveries, CancellationToken cancellationToken) =>
        Task.FromResult(Locked(() =>
        {
            Deliveries.AddRange(deliveries);
            return IsCurrent(entry) && entries.Remove(entry.Event.Id);
        }));

    public Task<bool> TryRetryLaterAsync(OutboxEntry entry, int attempts, DateTimeOffset nextAttemptAt, IReadOnlyCollection<string> deliveredTo, CancellationToken cancellationToken) =>
        Task.FromResult(Locked(() => Replace(entry, entry with { Attempts = attempts, NextAttemptAt = nextAttemptAt, DeliveredTo = [.. deliveredTo] }) is not null));

    public Task<bool> TryMarkDeadAsync(OutboxEntry entry, int attempts, IReadOnlyCollection<string> deliveredTo, CancellationToken cancellationToken)
    {
        return Task.FromResult(Locked(() =>
        {
            var replaced = Replace(entry, entry with { Attempts = attempts, DeliveredTo = [.. deliveredTo] });
            if (replaced is not null)
            {
                entries[entry.Event.Id] = (replaced, true);
            }

            return replaced is not null;
        }));
    }

    public Task<OutboxEntry?> FindAsync(string clinicId, string eventId, CancellationToken cancellationToken) =>
        Task.FromResult(Locked(() => entries.TryGetValue(eventId, out var found) ? found.Entry : null));

    public Task RecordDeliveryAsync(DeliveryAttempt attempt, CancellationToken cancellationToken)
    {
        Locked(() => Deliveries.Add(attempt));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeliveryAttempt>> DeliveriesAsync(string clinicId, string eventId, CancellationToken cancellationToken) =>
        Task.FromResult(Locked<IReadOnlyList<DeliveryAttempt>>(() => [.. Deliveries.Where(d => d.EventId == eventId)]));

    private bool IsCurrent(OutboxEntry entry) => entries.TryGetValue(entry.Event.Id, out var stored) && stored.Entry.ETag == entry.ETag;

    private OutboxEntry? Replace(OutboxEntry read, OutboxEntry changed)
    {
        if (!IsCurrent(read))
        {
            return null;
        }

        var stored = changed with { ETag = NextETag() };
        entries[read.Event.Id] = (stored, entries[read.Event.Id].Dead);
        return stored;
    }

    private string NextETag() => $"e{++etags}";

    private T Locked<T>(Func<T> read)
    {
        lock (gate)
        {
            return read();
        }
    }

    private void Locked(Action change)
    {
        lock (gate)
        {
            change();
        }
    }
}
