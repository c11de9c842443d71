namespace Prescriptions.Domain.Library;

/// <summary>The clinical bounds every dose stays within, whoever wrote it (library, engine or therapist).</summary>
public static class DoseBounds
{
    public const int MinSets = 1, MaxSets = 6;
    public const int MinReps = 1, MaxReps = 30;
    public const int MaxHoldSeconds = 120;
    public const int MaxDurationSeconds = 30 * 60;
    public const int MaxRestSeconds = 600;
    public const int MaxRpe = 10;
    public const int MinSessionsPerDay = 1, MaxSessionsPerDay = 3;
    public const int MinDaysPerWeek = 1, MaxDaysPerWeek = 7;

    /// <summary>Every way the dose leaves the bounds, keyed by the dose field's name.</summary>
    public static IReadOnlyList<(string Field, string Message)> Check(Dose dose)
    {
        ArgumentNullException.ThrowIfNull(dose);
        var problems = new List<(string, string)>();
        if (dose.Sets is < MinSets or > MaxSets)
        {
            problems.Add(("sets", $"must be {MinSets}-{MaxSets}"));
        }

        if (dose.Reps is null == dose.DurationSeconds is null)
        {
            problems.Add(("reps", "give either reps or durationSeconds, not both and not neither"));
        }

        if (dose.Reps is < MinReps or > MaxReps)
        {
            problems.Add(("reps", $"must be {MinReps}-{MaxReps}"));
        }

        if (dose.DurationSeconds is < 1 or > MaxDurationSeconds)
        {
            problems.Add(("durationSeconds", $"must be 1-{MaxDurationSeconds}"));
        }

        if (dose.HoldSeconds is < 1 or > MaxHoldSeconds)
        {
            problems.Add(("holdSeconds", $"must be 1-{MaxHoldSeconds}"));
        }

        if (dose.RestSeconds is < 0 or > MaxRestSeconds)
        {
            problems.Add(("restSeconds", $"must be 0-{MaxRestSeconds}"));
        }

        if (dose.Rpe is < 0 or > MaxRpe)
        {
            problems.Add(("rpe", $"must be 0-{MaxRpe}"));
        }

        if (dose.SessionsPerDay is < MinSessionsPerDay or > MaxSessionsPerDay)
        {
            problems.Add(("sessionsPerDay", $"must be {MinSessionsPerDay}-{MaxSessionsPerDay}"));
        }

        if (dose.DaysPerWeek is < MinDaysPerWeek or > MaxDaysPerWeek)
        {
            problems.Add(("daysPerWeek", $"must be {MinDaysPerWeek}-{MaxDaysPerWeek}"));
        }

        if (dose.Load is { } load)
        {
            if (load.Kind is LoadKind.Kg or LoadKind.Lb or LoadKind.Percent1rm && load.Value is not > 0)
            {
                problems.Add(("load.value", "must be above 0 for a weight or a percentage"));
            }

            if (load.Kind == LoadKind.Percent1rm && load.Value > 100)
            {
                problems.Add(("load.value", "must be at most 100 percent of one repetition maximum"));
            }

            if (load.Kind == LoadKind.Band && string.IsNullOrWhiteSpace(load.Band))
            {
                problems.Add(("load.band", "name the band colour"));
            }
        }

        return problems;
    }
}
