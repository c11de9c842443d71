using System.Globalization;
using Prescriptions.Application.Ports;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Domain.Worklist;

namespace Prescriptions.Application.Tests.Fakes;

/// <summary>The prescription repository in memory, with the same conditional-write rules as the table adapter.</summary>
internal sealed class InMemoryPrescriptions : IPrescriptionRepository
{
    private readonly Dictionary<(string, string), Versioned<Prescription>> stored = [];
    private readonly Dictionary<(string, string, string), IdempotencyRecord> keys = [];
    private int etags;

    public List<AuditEntry> Audit { get; } = [];
    public List<PrescriptionEvent> Events { get; } = [];
    public List<Measurement> Measurements { get; } = [];

    /// <summary>Where the worklist lines written with each change go.</summary>
    public InMemoryWorklist Worklist { get; init; } = new();

    public Task<Versioned<Prescription>> CreateAsync(PrescriptionWrite write, WorklistSummary? worklist, CancellationToken cancellationToken)
    {
        var p = write.Prescription;
        if (stored.ContainsKey((p.ClinicId, p.Id)) || (write.Idempotency is { } key && keys.ContainsKey((p.ClinicId, key.Caller, key.Key))))
        {
            throw new ConcurrencyConflictException("exists");
        }

        if (write.Idempotency is { } record)
        {
            keys[(p.ClinicId, record.Caller, record.Key)] = record;
        }

        Worklist.Keep(worklist);
        return Task.FromResult(Store(write));
    }

    public Task<Versioned<Prescription>> ReplaceAsync(PrescriptionWrite write, string ifMatch, WorklistSummary? worklist, CancellationToken cancellationToken)
    {
        var p = write.Prescription;
        if (!stored.TryGetValue((p.ClinicId, p.Id), out var current) || current.ETag != ifMatch)
        {
            throw new StaleVersionException("stale");
        }

        Worklist.Keep(worklist);
        return Task.FromResult(Store(write));
    }

    public Task<Versioned<Prescription>?> FindAsync(string clinicId, string prescriptionId, CancellationToken cancellationToken) =>
        Task.FromResult(stored.GetValueOrDefault((clinicId, prescriptionId)));

    /// <summary>Removes a patient's prescriptions with their audit, events and measurements (an erasure); how many.</summary>
    public int RemovePatient(string clinicId, string patientId)
    {
        var ids = stored.Values.Select(v => v.Value).Where(p => p.ClinicId == clinicId && p.PatientId == patientId).Select(p => p.Id).ToHashSet();
        foreach (var id in ids)
        {
            stored.Remove((clinicId, id));
        }

        Audit.RemoveAll(a => ids.Contains(a.PrescriptionId));
        Events.RemoveAll(e => ids.Contains(e.PrescriptionId));
        foreach (var key in keys.Where(k => ids.Contains(k.Value.PrescriptionId)).Select(k => k.Key).ToList())
        {
            keys.Remove(key);
        }

        return ids.Count;
    }

    public Task<ResultPage<Prescription>> ListByPatientAsync(string clinicId, string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        Task.FromResult(new ResultPage<Prescription>([.. stored.Values.Select(v => v.Value).Where(p => p.ClinicId == clinicId && p.PatientId == patientId)], null));

    public Task<IReadOnlyList<Prescription>> FindByExternalIdAsync(string clinicId, string externalId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Prescription>>([.. stored.Values.Select(v => v.Value).Where(p => p.ClinicId == clinicId && p.ExternalId == externalId)]);

    public Task<ResultPage<AuditEntry>> HistoryAsync(string clinicId, string prescriptionId, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        Task.FromResult(new ResultPage<AuditEntry>([.. Audit.Where(a => a.PrescriptionId == prescriptionId).Reverse()], null));

    public Task<IdempotencyRecord?> FindIdempotencyAsync(string clinicId, string caller, string key, CancellationToken cancellationToken) =>
        Task.FromResult(keys.GetValueOrDefault((clinicId, caller, key)));

    public Task AddMeasurementAsync(string clinicId, string prescriptionId, Measurement measurement, AuditEntry audit, WorklistSummary? worklist, CancellationToken cancellationToken)
    {
        Worklist.Keep(worklist);
        Measurements.Add(measurement);
        Audit.Add(audit);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Measurement>> MeasurementsAsync(string clinicId, string prescriptionId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Measurement>>(Measurements);

    /// <summary>Somebody else's write: the stored version moves on.</summary>
    public void Touch(string clinicId, string prescriptionId) =>
        stored[(clinicId, prescriptionId)] = stored[(clinicId, prescriptionId)] with { ETag = NextETag() };

    private Versioned<Prescription> Store(PrescriptionWrite write)
    {
        var versioned = new Versioned<Prescription>(write.Prescription, NextETag());
        stored[(write.Prescription.ClinicId, write.Prescription.Id)] = versioned;
        Audit.Add(write.Audit);
        Events.AddRange(write.Events);
        return versioned;
    }

    private string NextETag() => "W/\"" + (++etags).ToString(CultureInfo.InvariantCulture) + "\"";
}
