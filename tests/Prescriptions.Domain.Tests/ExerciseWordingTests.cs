using Prescriptions.Domain.Library;
using Prescriptions.Testing;

namespace Prescriptions.Domain.Tests;

/// <summary><see cref="Exercise.WordingIn"/>: a reader's BCP 47 tag reads the translation of its primary language, else the English.</summary>
public sealed class ExerciseWordingTests
{
    private static readonly ExerciseWording Spanish = new()
    {
        Name = "Bombeo de tobillos",
        Summary = "Mueva los pies hacia arriba y hacia abajo.",
        Instructions = ["Paso uno.", "Paso dos.", "Paso tres."],
        Cues = [],
        Safety = ["Pare si el dolor sube de 4 sobre 10."],
    };

    private static Exercise English => ShippedLibrary.Content.Exercises[0] with { Translations = new Dictionary<string, ExerciseWording>() };

    private static Exercise WithSpanish => English with { Translations = new Dictionary<string, ExerciseWording> { ["es"] = Spanish } };

    [Theory]
    [InlineData("es")]
    [InlineData("es-MX")]
    [InlineData("ES")]
    [InlineData("Es-419")]
    public void A_tag_reads_the_translation_of_its_primary_language(string tag)
    {
        Assert.Same(Spanish, WithSpanish.WordingIn(tag));
        Assert.Equal("es", WithSpanish.LanguageIn(tag));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("en")]
    [InlineData("en-GB")]
    [InlineData("de")]
    [InlineData("fr-CA")]
    [InlineData("e")]
    [InlineData("es_MX")]
    [InlineData("español")]
    [InlineData("es\n")]
    public void Any_other_tag_falls_back_to_the_English(string? tag)
    {
        var exercise = WithSpanish;

        var wording = exercise.WordingIn(tag);

        Assert.Equal("en", exercise.LanguageIn(tag));
        Assert.Equal(exercise.Name, wording.Name);
        Assert.Equal(exercise.Summary, wording.Summary);
        Assert.Equal(exercise.Instructions, wording.Instructions);
        Assert.Equal(exercise.Cues, wording.Cues);
        Assert.Equal(exercise.Safety, wording.Safety);
    }

    [Fact]
    public void An_exercise_without_translations_reads_in_English_whatever_is_asked()
    {
        var exercise = English;

        Assert.Equal(exercise.Name, exercise.WordingIn("es").Name);
        Assert.Equal("en", exercise.LanguageIn("es-MX"));
    }

    [Fact]
    public void A_translation_keyed_en_is_never_served_over_the_exercise_own_text()
    {
        var exercise = English with { Translations = new Dictionary<string, ExerciseWording> { ["en"] = Spanish } };

        Assert.Equal(exercise.Name, exercise.WordingIn("en").Name);
    }
}
