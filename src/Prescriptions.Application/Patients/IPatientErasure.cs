using Prescriptions.Domain.Patients;

namespace Prescriptions.Application.Patients;

/// <summary>
/// Erases a patient and everything stored about them. It cannot be one transaction: it first marks the erasure and
/// removes the patient and its search rows in one batch (the patient is gone at once), then deletes the rest in batches;
/// a repeated call resumes where the last one stopped.
/// </summary>
public interface IPatientErasure
{
    /// <summary>Whether the clinic stores anything about this patient id: a registration, a prescription, an erasure under way.</summary>
    Task<bool> HoldsAnythingAsync(string clinicId, string patientId, CancellationToken cancellationToken);

    /// <summary>Erases (or resumes erasing, keeping the first erasure's id and start) and leaves the tombstone.</summary>
    Task<ErasureTombstone> EraseAsync(string clinicId, PatientErasure erasure, CancellationToken cancellationToken);
}
