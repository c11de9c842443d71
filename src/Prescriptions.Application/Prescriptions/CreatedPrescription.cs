using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Application.Prescriptions;

/// <summary>A stored new prescription; <see cref="Replayed"/> when it is the first answer to the same Idempotency-Key.</summary>
public sealed record CreatedPrescription(Versioned<Prescription> Stored, bool Replayed);
