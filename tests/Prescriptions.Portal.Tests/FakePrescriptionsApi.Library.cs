using Prescriptions.Portal.Api;
using Prescriptions.Portal.Library;

namespace Prescriptions.Portal.Tests;

/// <summary>The library's API as a test sets it: the list, the exercises by id, and every filter and read the pages sent.</summary>
internal sealed partial class FakePrescriptionsApi
{
    public List<ExerciseSummary> Exercises { get; } = [];

    /// <summary>The filters the library list asked with, in order.</summary>
    public List<ExerciseFilter> Filters { get; } = [];

    /// <summary>The exercises GET /api/exercises/{exerciseId} answers; any other id is a 404.</summary>
    public Dictionary<string, ExerciseDetails> ExerciseById { get; } = [];

    /// <summary>The exercise ids read, in order.</summary>
    public List<string> ExerciseReads { get; } = [];

    public override Task<ApiPage<ExerciseSummary>> ExercisesAsync(ExerciseFilter filter, CancellationToken cancellationToken = default)
    {
        Filters.Add(filter);
        return Task.FromResult(new ApiPage<ExerciseSummary>(
            [.. Exercises.Where(exercise => exercise.Name.Contains(filter.Query, StringComparison.OrdinalIgnoreCase)
                && (filter.Category is null or "" || exercise.Category == filter.Category))],
            ContinuationToken: null));
    }

    public override Task<ExerciseDetails?> ExerciseAsync(string exerciseId, CancellationToken cancellationToken = default)
    {
        ExerciseReads.Add(exerciseId);
        return Task.FromResult(ExerciseById.GetValueOrDefault(exerciseId));
    }
}
