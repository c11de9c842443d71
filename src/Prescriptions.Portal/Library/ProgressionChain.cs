using Prescriptions.Portal.Api;

namespace Prescriptions.Portal.Library;

/// <summary>
/// An exercise's progression chain: its regressions back and its progressions forward, each linked exercise read in turn.
/// </summary>
/// <remarks>At most <see cref="MostStepsEachWay"/> steps each way, and an exercise already in the chain ends the walk, so a
/// library whose links loop (a publish does not forbid it) still shows a finite chain.</remarks>
public static class ProgressionChain
{
    public const int MostStepsEachWay = 8;

    public static async Task<IReadOnlyList<ChainLink>> WalkAsync(
        ExerciseDetails current, Func<string, CancellationToken, Task<ExerciseDetails?>> read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(read);
        var seen = new HashSet<string>(StringComparer.Ordinal) { current.Id };
        var easier = await StepsAsync(current.RegressionId, exercise => exercise.RegressionId, seen, read, cancellationToken);
        var harder = await StepsAsync(current.ProgressionId, exercise => exercise.ProgressionId, seen, read, cancellationToken);
        easier.Reverse();
        return
        [
            .. easier.Select(exercise => new ChainLink(exercise.Id, exercise.Name, IsCurrent: false)),
            new ChainLink(current.Id, current.Name, IsCurrent: true),
            .. harder.Select(exercise => new ChainLink(exercise.Id, exercise.Name, IsCurrent: false)),
        ];
    }

    private static async Task<List<ExerciseDetails>> StepsAsync(
        string? firstId, Func<ExerciseDetails, string?> next, HashSet<string> seen,
        Func<string, CancellationToken, Task<ExerciseDetails?>> read, CancellationToken cancellationToken)
    {
        var steps = new List<ExerciseDetails>();
        var id = firstId;
        while (steps.Count < MostStepsEachWay && id is { Length: > 0 } && seen.Add(id))
        {
            // A link to an exercise the library no longer has ends the chain there rather than the page.
            if (await read(id, cancellationToken) is not { } exercise)
            {
                break;
            }

            steps.Add(exercise);
            id = next(exercise);
        }

        return steps;
    }
}
