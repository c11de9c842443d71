namespace Prescriptions.Domain.Assembly;

/// <summary>What judging the library under a request found: each exercise in library order, or the fields the request names wrongly.</summary>
public sealed record LibraryEligibilityResult(IReadOnlyList<ExerciseEligibility> Exercises, IReadOnlyList<RequestProblem> Problems);
