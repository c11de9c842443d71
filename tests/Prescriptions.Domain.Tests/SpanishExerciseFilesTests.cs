using System.Text.Json;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Serialization;
using Prescriptions.Testing;

namespace Prescriptions.Domain.Tests;

/// <summary>
/// These exercise files carry a complete Spanish translation of every exercise (the validator proves the counts and
/// the non-empty texts; this proves each is there and translated, not copied).
/// </summary>
public sealed class SpanishExerciseFilesTests
{
    [Theory]
    [InlineData("shoulder.json")]
    [InlineData("core.json")]
    [InlineData("conditioning.json")]
    [InlineData("motor-control.json")]
    public void Every_exercise_of_the_file_has_its_Spanish(string file)
    {
        var exercises = JsonSerializer.Deserialize<List<Exercise>>(File.ReadAllText(RepositoryPaths.Combine("library", "exercises", file)), DomainJson.Options)!;

        Assert.NotEmpty(exercises);
        Assert.All(exercises, exercise =>
        {
            Assert.True(exercise.Translations.TryGetValue("es", out var spanish), $"{exercise.Id} has no Spanish");
            Assert.Equal(exercise.Instructions.Count, spanish!.Instructions.Count);
            Assert.Equal(exercise.Cues.Count, spanish.Cues.Count);
            Assert.Equal(exercise.Safety.Count, spanish.Safety.Count);
            Assert.All(spanish.Instructions.Concat(spanish.Cues).Concat(spanish.Safety).Append(spanish.Name).Append(spanish.Summary),
                text => Assert.False(string.IsNullOrWhiteSpace(text), $"{exercise.Id} has an empty Spanish text"));
            Assert.NotEqual(exercise.Summary, spanish.Summary);
            Assert.All(exercise.Instructions.Zip(spanish.Instructions), pair => Assert.NotEqual(pair.First, pair.Second));
            Assert.All(exercise.Safety.Zip(spanish.Safety), pair => Assert.NotEqual(pair.First, pair.Second));
        });
    }
}
