using Prescriptions.Domain.Library;
using Prescriptions.Testing;

namespace Prescriptions.Domain.Tests;

/// <summary>The validator holds a translation to the English texts' rules, entry for entry, and names the path of each problem.</summary>
public sealed class TranslationValidationTests
{
    private static LibraryContent Shipped => ShippedLibrary.Content;

    /// <summary>An exercise with steps, cues and safety notes, so each list can be miscounted.</summary>
    private static Exercise Subject => Shipped.Exercises.First(e => e.Cues.Count > 0 && e.Safety.Count > 0);

    private static string Path => $"exercises[{Subject.Id}].translations";

    private static ExerciseWording Complete => new()
    {
        Name = "Nombre",
        Summary = "Resumen.",
        Instructions = [.. Subject.Instructions.Select((_, i) => $"Paso {i + 1}.")],
        Cues = [.. Subject.Cues.Select((_, i) => $"Indicación {i + 1}.")],
        Safety = [.. Subject.Safety.Select((_, i) => $"Seguridad {i + 1}.")],
    };

    private static IReadOnlyList<LibraryProblem> Validate(string language, ExerciseWording wording)
    {
        var translated = Subject with { Translations = new Dictionary<string, ExerciseWording> { [language] = wording } };
        return LibraryValidator.Validate(Shipped with { Exercises = [.. Shipped.Exercises.Select(e => e.Id == translated.Id ? translated : e)] });
    }

    private static LibraryProblem Only(IReadOnlyList<LibraryProblem> problems) =>
        Assert.Single(problems, p => p.Path.StartsWith($"exercises[{Subject.Id}]", StringComparison.Ordinal));

    [Fact]
    public void A_complete_translation_is_accepted()
    {
        var problems = Validate("es", Complete);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("summary")]
    public void An_empty_name_or_summary_is_refused(string field)
    {
        var wording = field == "name" ? Complete with { Name = " " } : Complete with { Summary = "" };

        var problem = Only(Validate("es", wording));

        Assert.Equal($"{Path}.es.{field}", problem.Path);
        Assert.Equal("must not be empty", problem.Message);
    }

    [Fact]
    public void A_step_missing_is_refused_naming_how_many_the_English_has()
    {
        var problem = Only(Validate("es", Complete with { Instructions = [.. Complete.Instructions.Skip(1)] }));

        Assert.Equal($"{Path}.es.instructions", problem.Path);
        Assert.Contains($"must have {Subject.Instructions.Count} step(s)", problem.Message, StringComparison.Ordinal);
        Assert.Contains($"it has {Subject.Instructions.Count - 1}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cue_too_many_is_refused()
    {
        var problem = Only(Validate("es", Complete with { Cues = [.. Complete.Cues, "Otra indicación."] }));

        Assert.Equal($"{Path}.es.cues", problem.Path);
        Assert.Contains($"must have {Subject.Cues.Count} cue(s)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_safety_note_left_out_is_refused()
    {
        var problem = Only(Validate("es", Complete with { Safety = [] }));

        Assert.Equal($"{Path}.es.safety", problem.Path);
        Assert.Contains($"must have {Subject.Safety.Count} safety note(s)", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("instructions")]
    [InlineData("cues")]
    [InlineData("safety")]
    public void An_empty_entry_is_refused_naming_its_index(string field)
    {
        var last = field switch
        {
            "instructions" => Complete.Instructions.Count - 1,
            "cues" => Complete.Cues.Count - 1,
            _ => Complete.Safety.Count - 1,
        };
        var wording = field switch
        {
            "instructions" => Complete with { Instructions = [.. Complete.Instructions.Take(last), ""] },
            "cues" => Complete with { Cues = [.. Complete.Cues.Take(last), "  "] },
            _ => Complete with { Safety = [.. Complete.Safety.Take(last), ""] },
        };

        var problem = Only(Validate("es", wording));

        Assert.Equal($"{Path}.es.{field}[{last}]", problem.Path);
        Assert.Equal("must not be empty", problem.Message);
    }

    [Fact]
    public void English_is_not_a_translation()
    {
        var problem = Only(Validate("en", Complete));

        Assert.Equal($"{Path}.en", problem.Path);
        Assert.Contains("English is the exercise's own text", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es-MX")]
    [InlineData("ES")]
    [InlineData("spanish")]
    [InlineData("e")]
    [InlineData("es\n")]
    [InlineData("")]
    public void A_key_that_is_not_a_lower_case_language_code_is_refused(string key)
    {
        var problem = Only(Validate(key, Complete));

        Assert.Equal($"{Path}.{key}", problem.Path);
        Assert.Contains("lower-case 2-3 letter language code such as 'es'", problem.Message, StringComparison.Ordinal);
    }
}
