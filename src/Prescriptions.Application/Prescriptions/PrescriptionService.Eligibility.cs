using Prescriptions.Application.Outcomes;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;

namespace Prescriptions.Application.Prescriptions;

/// <summary>Which exercises a builder may add under a preview's limits, and why the others not (nothing is stored).</summary>
public sealed partial class PrescriptionService
{
    /// <summary>Every exercise of the library judged for the request; an unknown condition, phase or further condition is a field error.</summary>
    public static Outcome<IReadOnlyList<ExerciseEligibility>> PreviewEligibility(ExerciseLibrary library, AssemblyRequest request)
    {
        var result = LibraryEligibility.Judge(library, request);
        return result.Problems.Count > 0
            ? Failure.Validation(FieldErrors.From(result.Problems.Select(p => (p.Field, p.Message))))
            : Outcome.Success(result.Exercises);
    }
}
