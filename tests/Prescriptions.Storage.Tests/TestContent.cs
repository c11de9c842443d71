using Prescriptions.Domain.Library;

namespace Prescriptions.Storage.Tests;

/// <summary>Small library content for storage tests (storage does not validate; the bytes are what matter).</summary>
internal static class TestContent
{
    public static LibraryContent Library(string exerciseId) => new(
        [
            new Exercise
            {
                Id = exerciseId,
                Name = "Heel raise",
                Summary = "Rise onto the toes.",
                Instructions = ["Stand tall.", "Rise up.", "Lower slowly."],
                Category = ExerciseCategory.Strength,
                BodyRegions = [BodyRegion.Ankle],
                Difficulty = 2,
                Position = Position.Standing,
                WeightBearing = WeightBearing.Full,
                Delivery = Delivery.Home,
                CptCode = "97110",
                DefaultDose = new Dose { Sets = 3, Reps = 10 },
            },
        ],
        []);

    public static string UniqueName(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 12, 40)];
}
