using Prescriptions.Domain.Library;
using Prescriptions.Testing;

namespace Prescriptions.Storage.Tests;

/// <summary>Small library content for storage tests (storage does not validate; the bytes are what matter).</summary>
internal static class TestContent
{
    public static LibraryContent Library(string exerciseId) => new(
        [SyntheticLibrary.Exercise(exerciseId, ExerciseCategory.Strength, 2, WeightBearing.Full, region: BodyRegion.Ankle)],
        []);


    public static string UniqueName(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 12, 40)];
}
