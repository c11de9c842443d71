using Prescriptions.Domain.Library;
using Prescriptions.Testing;

namespace Prescriptions.Domain.Tests;

/// <summary>The validator holds a dose profile's translated stop rules to the English, rule for rule, and names the path of each problem.</summary>
public sealed class StopRulesValidationTests
{
    private static LibraryContent Shipped => ShippedLibrary.Content;

    private static Condition Condition => Shipped.Conditions.First(c => c.Id == "stroke-hemiparesis");

    private static Phase Phase => Condition.Phases[0];

    private static int Index => Phase.DoseProfile.Categories.ToList().FindIndex(dose => dose.StopRules.Count > 1);

    private static CategoryDose Dose => Phase.DoseProfile.Categories[Index];

    private static string Path => $"conditions[{Condition.Id}].phases[{Phase.Number}].doseProfile.categories[{Index}].translations";

    private static StopRulesWording Complete => new() { StopRules = [.. Dose.StopRules.Select((_, i) => $"Regla {i + 1}.")] };

    private static IReadOnlyList<LibraryProblem> Validate(string language, StopRulesWording wording)
    {
        var dose = Dose with { Translations = new Dictionary<string, StopRulesWording> { [language] = wording } };
        var categories = Phase.DoseProfile.Categories.Select((c, i) => i == Index ? dose : c).ToList();
        var phase = Phase with { DoseProfile = Phase.DoseProfile with { Categories = categories } };
        var condition = Condition with { Phases = [.. Condition.Phases.Select(p => p.Number == phase.Number ? phase : p)] };
        return LibraryValidator.Validate(Shipped with { Conditions = [.. Shipped.Conditions.Select(c => c.Id == condition.Id ? condition : c)] });
    }

    private static LibraryProblem Only(IReadOnlyList<LibraryProblem> problems) =>
        Assert.Single(problems, p => p.Path.StartsWith(Path, StringComparison.Ordinal));

    [Fact]
    public void The_shipped_library_and_a_complete_translation_are_accepted()
    {
        Assert.True(Index >= 0, "a dose with several stop rules");
        var problems = Validate("es", Complete);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void A_stop_rule_missing_is_refused_naming_how_many_the_English_has()
    {
        var problem = Only(Validate("es", new StopRulesWording { StopRules = [.. Complete.StopRules.Skip(1)] }));

        Assert.Equal($"{Path}.es.stopRules", problem.Path);
        Assert.Contains($"must have {Dose.StopRules.Count} stop rule(s)", problem.Message, StringComparison.Ordinal);
        Assert.Contains($"it has {Dose.StopRules.Count - 1}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stop_rule_too_many_is_refused()
    {
        var problem = Only(Validate("es", new StopRulesWording { StopRules = [.. Complete.StopRules, "Otra regla."] }));

        Assert.Equal($"{Path}.es.stopRules", problem.Path);
        Assert.Contains($"must have {Dose.StopRules.Count} stop rule(s)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_stop_rule_is_refused_naming_its_index()
    {
        var last = Complete.StopRules.Count - 1;

        var problem = Only(Validate("es", new StopRulesWording { StopRules = [.. Complete.StopRules.Take(last), " "] }));

        Assert.Equal($"{Path}.es.stopRules[{last}]", problem.Path);
        Assert.Equal("must not be empty", problem.Message);
    }

    [Fact]
    public void English_is_not_a_translation()
    {
        var problem = Only(Validate("en", Complete));

        Assert.Equal($"{Path}.en", problem.Path);
        Assert.Contains("English is the dose profile's own stop rules", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es-MX")]
    [InlineData("ES")]
    [InlineData("spanish")]
    [InlineData("")]
    public void A_key_that_is_not_a_lower_case_language_code_is_refused(string key)
    {
        var problem = Only(Validate(key, Complete));

        Assert.Equal($"{Path}.{key}", problem.Path);
        Assert.Contains("lower-case 2-3 letter language code such as 'es'", problem.Message, StringComparison.Ordinal);
    }
}
