namespace Prescriptions.Functions.Api.Contracts;

/// <summary>
/// The body of PUT /api/prescriptions/{id}: the new item list (re-checked like a therapist's edit) and the
/// schedule, which replace the stored ones. Constraints, when given, replace the patient's limits too.
/// </summary>
public sealed record ReplacePrescriptionBody
{
    public IReadOnlyList<ItemBody>? Items { get; init; }
    public ConstraintsBody? Constraints { get; init; }
    public DateOnly? StartDate { get; init; }
    public int? Weeks { get; init; }
    public FollowUpBody? FollowUp { get; init; }
}
