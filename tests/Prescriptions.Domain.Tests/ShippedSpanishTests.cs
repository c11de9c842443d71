using Prescriptions.Domain.Library;
using Prescriptions.Testing;

namespace Prescriptions.Domain.Tests;

/// <summary>
/// Issue 18: the shipped library carries Spanish for every exercise (the validator proves each translation has as
/// many steps, cues and safety notes as the English, none empty; this proves none is missing or copied).
/// </summary>
public sealed class ShippedSpanishTests
{
    [Fact]
    public void Every_shipped_exercise_has_a_complete_Spanish_translation()
    {
        var missing = ShippedLibrary.Content.Exercises.Where(e => !e.Translations.ContainsKey("es")).Select(e => e.Id).ToArray();

        Assert.True(missing.Length == 0, $"{missing.Length} exercise(s) without Spanish: {string.Join(", ", missing)}");
        Assert.All(ShippedLibrary.Content.Exercises, exercise =>
        {
            var spanish = exercise.WordingIn("es");
            Assert.Equal("es", exercise.LanguageIn("es-MX"));
            Assert.Equal(exercise.Instructions.Count, spanish.Instructions.Count);
            Assert.Equal(exercise.Cues.Count, spanish.Cues.Count);
            Assert.Equal(exercise.Safety.Count, spanish.Safety.Count);
            Assert.NotEqual(exercise.Summary, spanish.Summary);
            Assert.All(exercise.Instructions.Zip(spanish.Instructions), pair => Assert.NotEqual(pair.First, pair.Second));
            Assert.All(exercise.Safety.Zip(spanish.Safety), pair => Assert.NotEqual(pair.First, pair.Second));
        });
    }

    [Fact]
    public void The_shipped_library_with_its_translations_is_valid()
    {
        var problems = LibraryValidator.Validate(ShippedLibrary.Content);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
