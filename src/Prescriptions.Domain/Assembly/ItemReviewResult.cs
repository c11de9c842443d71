namespace Prescriptions.Domain.Assembly;

/// <summary>
/// The outcome of checking a therapist's list: the accepted items, or the fields that are malformed
/// (answered 400) and the hard rules the list breaks (answered 422).
/// </summary>
public sealed record ItemReviewResult(
    IReadOnlyList<PrescriptionItem> Items,
    IReadOnlyList<PrescriptionItem> ClinicItems,
    int EstimatedMinutesPerSession,
    IReadOnlyList<RequestProblem> InvalidFields,
    IReadOnlyList<RequestProblem> RuleViolations)
{
    public bool IsAccepted => InvalidFields.Count == 0 && RuleViolations.Count == 0;
}
