using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Patients;

namespace Prescriptions.Application.Patients;

/// <summary>
/// A clinic's registered patients, each written with its search index rows (one per name token, one for the EHR's id)
/// in one batch. <see cref="Versioned{T}.ETag"/> is storage's own version, for the conditional write; the API's strong
/// ETag is <see cref="Patient.ETag"/>.
/// </summary>
public interface IPatientDirectory
{
    /// <summary>Stores a new patient; <see cref="Ports.ConcurrencyConflictException"/> when its EHR id names another patient of the clinic.</summary>
    Task<Versioned<Patient>> CreateAsync(Patient patient, CancellationToken cancellationToken);

    /// <summary>The patient, or null when the clinic has none with that id.</summary>
    Task<Versioned<Patient>?> FindAsync(string clinicId, string patientId, CancellationToken cancellationToken);

    /// <summary>Replaces the stored patient and its index rows; <see cref="Ports.StaleVersionException"/> when it changed since it was read,
    /// <see cref="Ports.ConcurrencyConflictException"/> when the new EHR id names another patient.</summary>
    Task<Versioned<Patient>> ReplaceAsync(Versioned<Patient> stored, Patient updated, CancellationToken cancellationToken);

    /// <summary>One page of the patients whose names match, read from one range of the index.</summary>
    Task<ResultPage<Patient>> SearchAsync(string clinicId, PatientNameQuery query, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>The patient with this EHR id, or null.</summary>
    Task<Patient?> FindByExternalIdAsync(string clinicId, string externalId, CancellationToken cancellationToken);
}
