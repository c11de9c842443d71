using Prescriptions.Domain.Library;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Application.Prescriptions;

/// <summary>A stored prescription with the library version in force and its current phase there.</summary>
internal sealed record PrescriptionInPhase(Versioned<Prescription> Stored, ExerciseLibrary Library, Phase Phase);
