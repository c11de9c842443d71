using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Tests;

/// <summary><see cref="CategoryDose.StopRulesIn"/>: a reader's BCP 47 tag reads the stop rules of its primary language, else the English.</summary>
public sealed class StopRulesLanguageTests
{
    private static readonly StopRulesWording Spanish = new() { StopRules = ["Pare si tiene dolor en el pecho."] };

    private static readonly CategoryDose Dose = new()
    {
        Categories = [ExerciseCategory.Aerobic],
        StopRules = ["Stop if you get chest pain."],
        Translations = new Dictionary<string, StopRulesWording> { ["es"] = Spanish },
    };

    [Theory]
    [InlineData("es")]
    [InlineData("es-MX")]
    [InlineData("ES")]
    [InlineData("Es-419")]
    public void A_tag_reads_the_stop_rules_of_its_primary_language(string tag) =>
        Assert.Same(Spanish.StopRules, Dose.StopRulesIn(tag));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("en")]
    [InlineData("en-GB")]
    [InlineData("de")]
    [InlineData("es_MX")]
    [InlineData("es\n")]
    public void Any_other_tag_falls_back_to_the_English(string? tag) =>
        Assert.Equal(["Stop if you get chest pain."], Dose.StopRulesIn(tag));

    [Fact]
    public void A_translation_keyed_en_is_never_served_over_the_English()
    {
        var dose = Dose with { Translations = new Dictionary<string, StopRulesWording> { ["en"] = Spanish } };

        Assert.Equal(dose.StopRules, dose.StopRulesIn("en"));
    }
}
