namespace Prescriptions.Domain.Assembly;

/// <summary>The program after a progress or regress step, or why the step cannot be taken.</summary>
public sealed record ProgressionResult(ProgressionOutcome Outcome, IReadOnlyList<PrescriptionItem> Items, string Message);
