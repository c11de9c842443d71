using Prescriptions.Application.FollowUps;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Application.Tests.Fakes;

/// <summary>The follow-up schedule and records in memory.</summary>
internal sealed class InMemoryFollowUps : IFollowUpSchedule, IFollowUpRecords
{
    public List<PendingFollowUp> Scheduled { get; } = [];
    public List<CheckIn> CheckIns { get; } = [];
    public List<Alert> Alerts { get; } = [];
    public List<PrescriptionEvent> Events { get; } = [];
    public List<AuditEntry> Audit { get; } = [];

    public Task AddAsync(IReadOnlyList<PendingFollowUp> messages, CancellationToken cancellationToken)
    {
        Scheduled.AddRange(messages);
        return Task.CompletedTask;
    }

    public List<FollowUpDelivery> Deliveries { get; } = [];

    public Task<IReadOnlyList<PendingFollowUp>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PendingFollowUp>>([.. Scheduled.Where(m => (m.NotBefore ?? m.Message.DueAt) <= now).Take(max)]);

    public Task<PendingFollowUp?> TryClaimAsync(PendingFollowUp message, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        Task.FromResult(Update(message, message with { NotBefore = leaseUntil }));

    public Task<bool> TryRetryLaterAsync(PendingFollowUp message, int attempts, DateTimeOffset notBefore, CancellationToken cancellationToken) =>
        Task.FromResult(Update(message, message with { Attempts = attempts, NotBefore = notBefore }) is not null);

    public Task RemoveAsync(PendingFollowUp message, CancellationToken cancellationToken)
    {
        Scheduled.RemoveAll(m => m.Message.Id == message.Message.Id);
        return Task.CompletedTask;
    }

    public Task<bool> RecordCheckInAsync(string clinicId, string prescriptionId, CheckIn checkIn, IReadOnlyList<Alert> alerts, IReadOnlyList<PrescriptionEvent> events, AuditEntry audit, CancellationToken cancellationToken)
    {
        var replaced = CheckIns.RemoveAll(c => c.Date == checkIn.Date) > 0;
        CheckIns.Add(checkIn);
        Alerts.AddRange(alerts);
        Events.AddRange(events);
        Audit.Add(audit);
        return Task.FromResult(replaced);
    }

    public Task<IReadOnlyList<CheckIn>> CheckInsAsync(string clinicId, string prescriptionId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CheckIn>>([.. CheckIns]);

    public Task RaiseAlertsAsync(string clinicId, IReadOnlyList<Alert> alerts, IReadOnlyList<PrescriptionEvent> events, CancellationToken cancellationToken)
    {
        Alerts.AddRange(alerts);
        Events.AddRange(events);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Alert>> AlertsAsync(string clinicId, string prescriptionId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Alert>>([.. Alerts]);

    public Task<FollowUpDelivery?> FindDeliveryAsync(string clinicId, string prescriptionId, string messageId, CancellationToken cancellationToken) =>
        Task.FromResult(Deliveries.FirstOrDefault(d => d.MessageId == messageId));

    public Task RecordDeliveryAsync(string clinicId, string prescriptionId, FollowUpDelivery delivery, IReadOnlyList<Alert> alerts, IReadOnlyList<PrescriptionEvent> events, CancellationToken cancellationToken)
    {
        Deliveries.Add(delivery);
        Alerts.AddRange(alerts);
        Events.AddRange(events);
        return Task.CompletedTask;
    }

    private PendingFollowUp? Update(PendingFollowUp read, PendingFollowUp changed)
    {
        var index = Scheduled.FindIndex(m => m.Message.Id == read.Message.Id && m.Message.DueAt == read.Message.DueAt);
        if (index < 0 || Scheduled[index] != read)
        {
            return null;
        }

        Scheduled[index] = changed;
        return changed;
    }
}
