using Prescriptions.Application.Patients;
using Prescriptions.Application.Ports;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Patients;

namespace Prescriptions.Application.Tests.Fakes;

/// <summary>The patient directory and its erasure in memory, with the table adapters' rules (unique EHR id, conditional replace, resumable erasure).</summary>
internal sealed class InMemoryPatients(InMemoryPrescriptions prescriptions) : IPatientDirectory, IPatientErasure
{
    private readonly Dictionary<(string ClinicId, string Id), Versioned<Patient>> stored = [];
    private readonly Dictionary<(string ClinicId, string PatientId), PatientErasure> underWay = [];
    private int etags;

    public List<ErasureTombstone> Tombstones { get; } = [];

    /// <summary>When set, the next erasure stops right after its first batch, as a crashed one would.</summary>
    public bool StopAfterFirstBatch { get; set; }

    public Task<Versioned<Patient>> CreateAsync(Patient patient, CancellationToken cancellationToken)
    {
        if (patient.ExternalId is { } externalId && ByExternalId(patient.ClinicId, externalId) is not null)
        {
            throw new ConcurrencyConflictException("The EHR id is taken.");
        }

        return Task.FromResult(Store(patient));
    }

    public Task<Versioned<Patient>?> FindAsync(string clinicId, string patientId, CancellationToken cancellationToken) =>
        Task.FromResult(stored.GetValueOrDefault((clinicId, patientId)));

    public Task<Versioned<Patient>> ReplaceAsync(Versioned<Patient> stored, Patient updated, CancellationToken cancellationToken)
    {
        if (this.stored.GetValueOrDefault((updated.ClinicId, updated.Id))?.ETag != stored.ETag)
        {
            throw new StaleVersionException("Changed meanwhile.");
        }

        if (updated.ExternalId is { } externalId && ByExternalId(updated.ClinicId, externalId) is { } other && other.Id != updated.Id)
        {
            throw new ConcurrencyConflictException("The EHR id is taken.");
        }

        return Task.FromResult(Store(updated));
    }

    /// <summary>The whole match in name order; the paging of one index range is the table adapter's and is tested there.</summary>
    public Task<ResultPage<Patient>> SearchAsync(string clinicId, PatientNameQuery query, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        Task.FromResult(new ResultPage<Patient>([.. stored.Values.Select(v => v.Value)
            .Where(p => p.ClinicId == clinicId && p.NameTokens.Any(t => query.Selects(p, t)))
            .OrderBy(p => p.NameTokens.First(t => t.StartsWith(query.RangeToken, StringComparison.Ordinal)), StringComparer.Ordinal)], null));

    public Task<Patient?> FindByExternalIdAsync(string clinicId, string externalId, CancellationToken cancellationToken) =>
        Task.FromResult(ByExternalId(clinicId, externalId));

    public async Task<bool> HoldsAnythingAsync(string clinicId, string patientId, CancellationToken cancellationToken) =>
        stored.ContainsKey((clinicId, patientId)) || underWay.ContainsKey((clinicId, patientId))
        || (await prescriptions.ListByPatientAsync(clinicId, patientId, 1, null, cancellationToken)).Items.Count > 0;

    public Task<ErasureTombstone> EraseAsync(string clinicId, PatientErasure erasure, CancellationToken cancellationToken)
    {
        var key = (clinicId, erasure.PatientId);
        var current = underWay.GetValueOrDefault(key) ?? erasure.Counted(0, stored.Remove(key) ? 1 : 0);
        underWay[key] = current;
        if (StopAfterFirstBatch)
        {
            StopAfterFirstBatch = false;
            throw new TimeoutException("Stopped after the first batch.");
        }

        var erased = prescriptions.RemovePatient(clinicId, erasure.PatientId);
        underWay.Remove(key);
        var tombstone = current.Counted(erased, erased).Tombstone(erasure.StartedAt);
        Tombstones.Add(tombstone);
        return Task.FromResult(tombstone);
    }

    private Patient? ByExternalId(string clinicId, string externalId) =>
        stored.Values.Select(v => v.Value).FirstOrDefault(p => p.ClinicId == clinicId && p.ExternalId == externalId);

    private Versioned<Patient> Store(Patient patient)
    {
        var versioned = new Versioned<Patient>(patient, $"etag-{++etags}");
        stored[(patient.ClinicId, patient.Id)] = versioned;
        return versioned;
    }
}
