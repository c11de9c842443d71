using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Worklist;

namespace Prescriptions.Application.Alerts;

/// <summary>
/// A clinic's alerts across its prescriptions, newest first by status (and kind), each page one range read; alerts are
/// indexed when they are raised (<see cref="FollowUps.IFollowUpRecords"/> writes the index rows in the same batch).
/// </summary>
public interface IAlertInbox
{
    Task<ResultPage<Alert>> ListAsync(string clinicId, AlertStatus status, AlertKind? kind, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>The alert, or null when the clinic has none with that id.</summary>
    Task<Alert?> FindAsync(string clinicId, string alertId, CancellationToken cancellationToken);

    /// <summary>Stores the acknowledged alert (its row and its index rows) with the audit entry and the worklist line (null: left as it is), all or nothing.</summary>
    Task AcknowledgeAsync(string clinicId, Alert open, Alert acknowledged, AuditEntry audit, WorklistSummary? worklist, CancellationToken cancellationToken);
}
