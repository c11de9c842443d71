using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Assembly;

/// <summary>Categories that can stand in for each other when a slot's own category has no safe exercise left.</summary>
internal static class CategoryFamilies
{
    private static readonly ExerciseCategory[][] Families =
    [
        [ExerciseCategory.Balance, ExerciseCategory.Proprioception],
        [ExerciseCategory.CoreControl, ExerciseCategory.MotorControl, ExerciseCategory.Coordination],
        [ExerciseCategory.Strength, ExerciseCategory.Functional],
        [ExerciseCategory.RangeOfMotion, ExerciseCategory.Flexibility],
        [ExerciseCategory.Gait, ExerciseCategory.Aerobic],
        [ExerciseCategory.Plyometric, ExerciseCategory.Functional],
    ];

    /// <summary>The other categories of the families a category belongs to, in a fixed order.</summary>
    public static IEnumerable<ExerciseCategory> RelativesOf(ExerciseCategory category) =>
        Families.Where(family => family.Contains(category)).SelectMany(family => family).Where(c => c != category).Distinct();
}
