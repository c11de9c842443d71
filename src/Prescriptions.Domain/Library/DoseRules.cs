namespace Prescriptions.Domain.Library;

/// <summary>
/// How an exercise's default dose is shaped for a phase, category by category, so that each kind of work is
/// dosed the way the guidelines dose it (docs/clinical-rules.md lists each rule with its source):
/// <list type="bullet">
/// <item>duration work (a minute or more) is never multiplied by the phase's sets into long blocks, and long
/// isometric holds (30 seconds or more) keep their own repetitions and hold;</item>
/// <item>effort (RPE) is given only where it means something: resistance, functional and power work, and
/// walking or aerobic work through the phase's own dose for them (with a heart-rate-reserve target where the
/// guideline sets one);</item>
/// <item>resistance and power work run once a day on 2-4 days a week unless the phase doses them itself
/// (early isometrics several times a day);</item>
/// <item>stretches are held at least 30 seconds, 2-4 times (ACSM);</item>
/// <item>injured-side work goes to the injured side; "each side" stays for balance and whole-body work.</item>
/// </list>
/// </summary>
public static class DoseRules
{
    /// <summary>ACSM: 10-30 s, 30-60 s for older adults; 30 s suits both.</summary>
    public const int MinStretchHoldSeconds = 30;
    public const int MinStretchReps = 2, MaxStretchReps = 4;
    public const int MinResistanceDaysPerWeek = 2, MaxResistanceDaysPerWeek = 4;

    /// <summary>Duration work of this length or more is one block: the phase's sets do not multiply it.</summary>
    public const int LongDurationSeconds = 60;

    /// <summary>A hold of this length or more (a 45-second isometric calf hold) is its own dose: the phase's reps and short holds do not apply.</summary>
    public const int LongHoldSeconds = 30;

    public static Dose Shape(Exercise exercise, DoseProfile profile, Side? side, IReadOnlyList<BodyRegion> affectedRegions)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(affectedRegions);
        var dose = exercise.DefaultDose;
        if (exercise.Delivery == Delivery.Clinic)
        {
            // The phase profile shapes home work; a technique in clinic keeps the dose the library gives it.
            return dose;
        }

        var category = exercise.Category;
        var own = profile.For(category);
        var isResistance = category is ExerciseCategory.Strength or ExerciseCategory.Plyometric;
        var isLongDuration = dose.DurationSeconds >= LongDurationSeconds;
        var isSingleRep = dose.Reps == 1;
        var isLongHold = dose.HoldSeconds >= LongHoldSeconds && category != ExerciseCategory.Flexibility;

        var sets = own?.Sets ?? (isLongDuration || isSingleRep ? dose.Sets : profile.Sets ?? dose.Sets);
        var reps = dose.Reps is null || isSingleRep || isLongHold ? dose.Reps : own?.Reps ?? profile.Reps ?? dose.Reps;
        var duration = dose.DurationSeconds is null ? null : own?.DurationSeconds ?? dose.DurationSeconds;
        var hold = dose.HoldSeconds is null || isLongHold ? dose.HoldSeconds : own?.HoldSeconds ?? profile.HoldSeconds ?? dose.HoldSeconds;
        var sessions = own?.SessionsPerDay ?? (isResistance ? 1 : profile.SessionsPerDay ?? dose.SessionsPerDay);
        var days = own?.DaysPerWeek ?? (isResistance
            ? Math.Clamp(profile.DaysPerWeek ?? dose.DaysPerWeek, MinResistanceDaysPerWeek, MaxResistanceDaysPerWeek)
            : profile.DaysPerWeek ?? dose.DaysPerWeek);

        if (category == ExerciseCategory.Flexibility)
        {
            hold = hold is null ? null : Math.Max(hold.Value, MinStretchHoldSeconds);
            reps = reps is null ? null : Math.Clamp(reps.Value, MinStretchReps, MaxStretchReps);
        }

        var shaped = dose with
        {
            Sets = Math.Clamp(sets, DoseBounds.MinSets, DoseBounds.MaxSets),
            Reps = reps is null ? null : Math.Clamp(reps.Value, DoseBounds.MinReps, DoseBounds.MaxReps),
            DurationSeconds = duration is null ? null : Math.Clamp(duration.Value, 1, DoseBounds.MaxDurationSeconds),
            HoldSeconds = hold is null ? null : Math.Clamp(hold.Value, 1, DoseBounds.MaxHoldSeconds),
            RestSeconds = own?.RestSeconds ?? profile.RestSeconds ?? dose.RestSeconds,
            Rpe = Effort(category, own, profile, dose),
            HeartRateReserve = own?.HeartRateReserve ?? dose.HeartRateReserve,
            SessionsPerDay = Math.Clamp(sessions, DoseBounds.MinSessionsPerDay, DoseBounds.MaxSessionsPerDay),
            DaysPerWeek = Math.Clamp(days, DoseBounds.MinDaysPerWeek, DoseBounds.MaxDaysPerWeek),
        };
        return shaped with { Side = SideFor(exercise, shaped.Side, side, affectedRegions) };
    }

    /// <summary>RPE where it means something; a stretch, a balance task or range of motion has none.</summary>
    private static int? Effort(ExerciseCategory category, CategoryDose? own, DoseProfile profile, Dose dose) => category switch
    {
        ExerciseCategory.Strength or ExerciseCategory.Functional or ExerciseCategory.Plyometric => own?.Rpe ?? profile.Rpe ?? dose.Rpe,

        // Walking intensity is set by the phase's own walking dose (RPE or heart-rate reserve), never by the strength effort.
        ExerciseCategory.Aerobic or ExerciseCategory.Gait => own is null ? dose.Rpe : own.Rpe,
        _ => null,
    };

    /// <summary>
    /// One-sided work goes to the injured side: strength, range of motion, flexibility and position sense of the
    /// affected region. Balance and whole-body work keep "each side": training both helps (cross-education) and
    /// compares the sides.
    /// </summary>
    private static Side? SideFor(Exercise exercise, Side? doseSide, Side? programSide, IReadOnlyList<BodyRegion> affectedRegions)
    {
        if (programSide is not (Side.Left or Side.Right))
        {
            return doseSide;
        }

        if (doseSide is Side.Left or Side.Right)
        {
            return programSide;
        }

        var injuredSideWork = exercise.Category is ExerciseCategory.Strength or ExerciseCategory.RangeOfMotion
                or ExerciseCategory.Flexibility or ExerciseCategory.Proprioception
            && !exercise.BodyRegions.Contains(BodyRegion.WholeBody)
            && (affectedRegions.Count == 0 || exercise.BodyRegions.Any(affectedRegions.Contains));
        return doseSide == Side.EachSide && injuredSideWork ? programSide : doseSide;
    }
}
