using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Assembly;

/// <summary>
/// The most a slot asks of a patient, read from the exercises that fit it: the most demanding position and the
/// most impact among them. A substitute never goes past it, so a slot of seated balance work is never filled
/// with a standing lunge, nor a walking slot with running.
/// </summary>
public sealed record SlotCeiling(int PositionDemand, int Impact)
{
    public static SlotCeiling Of(IReadOnlyList<Exercise> slotExercises)
    {
        ArgumentNullException.ThrowIfNull(slotExercises);
        return slotExercises.Count == 0
            ? new SlotCeiling(0, 0)
            : new SlotCeiling(slotExercises.Max(e => PositionDemandOf(e.Position)), slotExercises.Max(ImpactOf));
    }

    public bool Allows(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        return PositionDemandOf(exercise.Position) <= PositionDemand && ImpactOf(exercise) <= Impact;
    }

    /// <summary>Lying, then sitting, then kneeling or on hands and knees, then standing, then walking.</summary>
    public static int PositionDemandOf(Position position) => position switch
    {
        Position.Supine or Position.Prone or Position.SideLying => 0,
        Position.Sitting => 1,
        Position.Quadruped or Position.Kneeling or Position.HalfKneeling => 2,
        Position.Standing => 3,
        _ => 4,
    };

    /// <summary>
    /// 0 no impact; 1 jumping, hopping, running or cutting (what noImpact, noCutting or the plyometric category say): a
    /// substitute for a slot without such work is therefore never plyometric, even when its tags were forgotten.
    /// </summary>
    public static int ImpactOf(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        return exercise.Category == ExerciseCategory.Plyometric
            || exercise.Contraindications.Contains(PrecautionTags.NoImpact, StringComparer.Ordinal)
            || exercise.Contraindications.Contains(PrecautionTags.NoCutting, StringComparer.Ordinal) ? 1 : 0;
    }
}
