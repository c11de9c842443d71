using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Assembly;

/// <summary>One exercise of a program: the dose, why it is there, and the therapist's own words for the patient.</summary>
public sealed record PrescriptionItem
{
    public required string ExerciseId { get; init; }
    public required string Name { get; init; }
    public required ExerciseCategory Category { get; init; }
    public required Dose Dose { get; init; }
    public required string Rationale { get; init; }
    public required Delivery Delivery { get; init; }
    public string? Notes { get; init; }

    /// <summary>The phase slot (1-based) the item fills; null for a therapist's addition outside the slots.</summary>
    public int? Slot { get; init; }

    public ItemSource Source { get; init; } = ItemSource.Engine;
}
