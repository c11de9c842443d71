using Prescriptions.Application.Ports;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Domain.Worklist;

namespace Prescriptions.Application.Prescriptions;

/// <summary>Where prescriptions are kept, one partition per clinic. Every write is one transaction: all or nothing.</summary>
public interface IPrescriptionRepository
{
    /// <summary>
    /// Stores a new prescription with its audit entry, events, idempotency record and worklist line (null: none). Throws
    /// <see cref="ConcurrencyConflictException"/> if the id, or the caller's idempotency key, exists.
    /// </summary>
    Task<Versioned<Prescription>> CreateAsync(PrescriptionWrite write, WorklistSummary? worklist, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a stored prescription if its ETag is still <paramref name="ifMatch"/>, with the audit entry
    /// and events and its worklist line (null: left as it is); otherwise throws <see cref="StaleVersionException"/>, so two writers can never both win.
    /// </summary>
    Task<Versioned<Prescription>> ReplaceAsync(PrescriptionWrite write, string ifMatch, WorklistSummary? worklist, CancellationToken cancellationToken);

    /// <summary>The prescription with its ETag, or null when the clinic has no prescription with that id.</summary>
    Task<Versioned<Prescription>?> FindAsync(string clinicId, string prescriptionId, CancellationToken cancellationToken);

    /// <summary>A patient's prescriptions in a clinic, newest first.</summary>
    Task<ResultPage<Prescription>> ListByPatientAsync(string clinicId, string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>The prescriptions a clinic stored under an EHR's external id, newest first.</summary>
    Task<IReadOnlyList<Prescription>> FindByExternalIdAsync(string clinicId, string externalId, CancellationToken cancellationToken);

    /// <summary>The audit trail of a prescription, newest first.</summary>
    Task<ResultPage<AuditEntry>> HistoryAsync(string clinicId, string prescriptionId, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>The first answer recorded for a caller's idempotency key, or null.</summary>
    Task<IdempotencyRecord?> FindIdempotencyAsync(string clinicId, string caller, string key, CancellationToken cancellationToken);

    /// <summary>Records a measurement with its audit entry and the worklist line it changes (null: left as it is), in one transaction.</summary>
    Task AddMeasurementAsync(string clinicId, string prescriptionId, Measurement measurement, AuditEntry audit, WorklistSummary? worklist, CancellationToken cancellationToken);

    /// <summary>The measurements recorded for a prescription, newest first.</summary>
    Task<IReadOnlyList<Measurement>> MeasurementsAsync(string clinicId, string prescriptionId, CancellationToken cancellationToken);
}
