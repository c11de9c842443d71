using System.Globalization;
using Prescriptions.Application.Alerts;
using Prescriptions.Application.FollowUps;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Worklist;

namespace Prescriptions.Application.Tests.Fakes;

/// <summary>The follow-up schedule and records in memory.</summary>
internal sealed class InMemoryFollowUps : IFollowUpSchedule, IFollowUpRecords, IAlertInbox
{
    public List<PendingFollowUp> Scheduled { get; } = [];
    public List<CheckIn> CheckIns { get; } = [];
    public List<Alert> Alerts { get; } = [];

    /// <summary>The clinic of each alert raised, by alert id.</summary>
    public Dictionary<string, string> AlertClinics { get; } = new(StringComparer.Ordinal);
    public List<PrescriptionEvent> Events { get; } = [];
    public List<AuditEntry> Audit { get; } = [];

    /// <summary>Where the worklist lines written with each change go.</summary>
    public InMemoryWorklist Worklist { get; init; } = new();

    /// <summary>How many of the next check-in and acknowledgement writes lose a race (another write landed first) and store nothing.</summary>
    public int RacesToLose { get; set; }

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

    public Task<bool> RecordCheckInAsync(string clinicId, string prescriptionId, CheckIn checkIn, IReadOnlyList<Alert> alerts, IReadOnlyList<PrescriptionEvent> events, AuditEntry audit, WorklistSummary? worklist, CancellationToken cancellationToken)
    {
        LoseRace();
        Worklist.Keep(worklist);
        var replaced = CheckIns.RemoveAll(c => c.Date == checkIn.Date) > 0;
        CheckIns.Add(checkIn);
        AddAlerts(clinicId, alerts);
        Events.AddRange(events);
        Audit.Add(audit);
        return Task.FromResult(replaced);
    }

    public Task<IReadOnlyList<CheckIn>> CheckInsAsync(string clinicId, string prescriptionId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CheckIn>>([.. CheckIns]);

    public Task RaiseAlertsAsync(string clinicId, IReadOnlyList<Alert> alerts, IReadOnlyList<PrescriptionEvent> events, WorklistSummary? worklist, CancellationToken cancellationToken)
    {
        Worklist.Keep(worklist);
        AddAlerts(clinicId, alerts);
        Events.AddRange(events);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Alert>> AlertsAsync(string clinicId, string prescriptionId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Alert>>([.. Alerts]);

    public Task<FollowUpDelivery?> FindDeliveryAsync(string clinicId, string prescriptionId, string messageId, CancellationToken cancellationToken) =>
        Task.FromResult(Deliveries.FirstOrDefault(d => d.MessageId == messageId));

    public Task RecordDeliveryAsync(string clinicId, string prescriptionId, FollowUpDelivery delivery, IReadOnlyList<Alert> alerts, IReadOnlyList<PrescriptionEvent> events, WorklistSummary? worklist, CancellationToken cancellationToken)
    {
        Worklist.Keep(worklist);
        Deliveries.Add(delivery);
        AddAlerts(clinicId, alerts);
        Events.AddRange(events);
        return Task.CompletedTask;
    }

    public Task<ResultPage<Alert>> ListAsync(string clinicId, AlertStatus status, AlertKind? kind, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var offset = continuationToken is null ? 0 : int.Parse(continuationToken, CultureInfo.InvariantCulture);
        var matching = Alerts.Where(a => AlertClinics[a.Id] == clinicId && a.Status == status && (kind is null || a.Kind == kind))
            .OrderByDescending(a => a.RaisedAt).Skip(offset).Take(pageSize + 1).ToList();
        var next = matching.Count > pageSize ? (offset + pageSize).ToString(CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new ResultPage<Alert>([.. matching.Take(pageSize)], next));
    }

    public Task<Alert?> FindAsync(string clinicId, string alertId, CancellationToken cancellationToken) =>
        Task.FromResult(Alerts.FirstOrDefault(a => a.Id == alertId && AlertClinics[a.Id] == clinicId));

    public Task AcknowledgeAsync(string clinicId, Alert open, Alert acknowledged, AuditEntry audit, WorklistSummary? worklist, CancellationToken cancellationToken)
    {
        LoseRace();
        var index = Alerts.FindIndex(a => a.Id == open.Id && a.Status == AlertStatus.Open);
        if (index < 0)
        {
            throw new Application.Ports.ConcurrencyConflictException("acknowledged meanwhile");
        }

        Alerts[index] = acknowledged;
        Worklist.Keep(worklist);
        Audit.Add(audit);
        return Task.CompletedTask;
    }

    private void LoseRace()
    {
        if (RacesToLose > 0)
        {
            RacesToLose--;
            throw new Application.Ports.ConcurrencyConflictException("another write landed first");
        }
    }

    private void AddAlerts(string clinicId, IReadOnlyList<Alert> alerts)
    {
        Alerts.AddRange(alerts);
        foreach (var alert in alerts)
        {
            AlertClinics[alert.Id] = clinicId;
        }
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
