using Prescriptions.Domain.Library;

namespace Prescriptions.Functions.Api.Contracts;

/// <summary>The body of POST /api/prescriptions/preview: what to assemble a program for. Every field is checked by <see cref="PrescriptionRequestValidator"/>.</summary>
public record AssembleBody
{
    public string? PatientId { get; init; }

    /// <summary>Which of the caller's clinics; needed only when the caller has several.</summary>
    public string? ClinicId { get; init; }
    public string? ConditionId { get; init; }
    public int? Phase { get; init; }
    public Side? Side { get; init; }
    public ConstraintsBody? Constraints { get; init; }

    /// <summary>The day of surgery: time gates and entry criteria count from it. Without it the earliest day the phase allows is assumed.</summary>
    public DateOnly? SurgeryDate { get; init; }

    /// <summary>The day of the injury, for conditions without surgery.</summary>
    public DateOnly? InjuryDate { get; init; }

    /// <summary>The patient's other conditions, each at its phase: their precautions apply too.</summary>
    public IReadOnlyList<ConditionPhaseBody>? OtherConditions { get; init; }
}
