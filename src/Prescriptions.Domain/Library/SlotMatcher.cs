namespace Prescriptions.Domain.Library;

/// <summary>Whether an exercise fits a slot's definition (category, difficulty, body region, delivery), before any precaution.</summary>
public static class SlotMatcher
{
    public static bool Fits(Exercise exercise, Slot slot)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(slot);
        return exercise.Category == slot.Category
            && exercise.Difficulty >= slot.MinDifficulty
            && exercise.Difficulty <= slot.MaxDifficulty
            && exercise.Delivery == slot.Delivery
            && (slot.BodyRegions.Count == 0 || exercise.BodyRegions.Any(slot.BodyRegions.Contains));
    }
}
