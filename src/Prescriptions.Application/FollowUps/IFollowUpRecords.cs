using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Worklist;

namespace Prescriptions.Application.FollowUps;

/// <summary>
/// A prescription's follow-up records, kept in its clinic's partition beside it so that each write goes in one
/// transaction with the partner events it causes: check-ins, alerts and message deliveries.
/// </summary>
public interface IFollowUpRecords
{
    /// <summary>
    /// Stores the day's check-in (replacing an earlier one of the same day) with the alerts it raises, their events and
    /// its audit entry and the prescription's worklist line, all or nothing. Returns whether an earlier check-in of that day was replaced.
    /// </summary>
    Task<bool> RecordCheckInAsync(string clinicId, string prescriptionId, CheckIn checkIn, IReadOnlyList<Alert> alerts, IReadOnlyList<PrescriptionEvent> events, AuditEntry audit, WorklistSummary? worklist, CancellationToken cancellationToken);

    /// <summary>The prescription's check-ins, oldest day first.</summary>
    Task<IReadOnlyList<CheckIn>> CheckInsAsync(string clinicId, string prescriptionId, CancellationToken cancellationToken);

    /// <summary>Stores alerts with their events and their prescription's worklist line (null: left as it is), all or nothing; throws <see cref="Ports.ConcurrencyConflictException"/> if one was raised already.</summary>
    Task RaiseAlertsAsync(string clinicId, IReadOnlyList<Alert> alerts, IReadOnlyList<PrescriptionEvent> events, WorklistSummary? worklist, CancellationToken cancellationToken);

    /// <summary>The prescription's alerts, newest first.</summary>
    Task<IReadOnlyList<Alert>> AlertsAsync(string clinicId, string prescriptionId, CancellationToken cancellationToken);

    /// <summary>The record of a planned message, or null while it has been neither sent nor given up.</summary>
    Task<FollowUpDelivery?> FindDeliveryAsync(string clinicId, string prescriptionId, string messageId, CancellationToken cancellationToken);

    /// <summary>Records a message's delivery (or final failure) with the alerts and events it causes and the worklist line (null: left as it is), all or nothing.</summary>
    Task RecordDeliveryAsync(string clinicId, string prescriptionId, FollowUpDelivery delivery, IReadOnlyList<Alert> alerts, IReadOnlyList<PrescriptionEvent> events, WorklistSummary? worklist, CancellationToken cancellationToken);
}
