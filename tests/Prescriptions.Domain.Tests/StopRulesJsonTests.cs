using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Prescriptions.Application.Library;
using Prescriptions.Domain.Library;
using Prescriptions.Testing;

namespace Prescriptions.Domain.Tests;

/// <summary>
/// A dose profile's translated stop rules as the condition files write them: loaded, refused when incomplete, published
/// in one canonical form; and the shipped conditions carry Spanish for every stop rule and no literature reference.
/// </summary>
public sealed partial class StopRulesJsonTests : IDisposable
{
    private const string File = "stroke-hemiparesis.json";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("library-");

    private static JsonObject Authored() =>
        JsonNode.Parse(System.IO.File.ReadAllText(RepositoryPaths.Combine("library", "conditions", File)))!.AsObject();

    /// <summary>The first dose profile entry of the first phase that has stop rules, as written.</summary>
    private static JsonObject FirstDoseWithRules(JsonObject condition) =>
        condition["phases"]![0]!["doseProfile"]!["categories"]!.AsArray().Select(dose => dose!.AsObject()).First(dose => dose.ContainsKey("stopRules"));

    [Fact]
    public async Task The_library_folder_loads_the_stop_rules_translation_as_written()
    {
        var condition = Authored();
        var written = FirstDoseWithRules(condition)["translations"]!["es"]!["stopRules"]!.AsArray().Select(rule => (string)rule!).ToList();
        await WriteConditionAsync(condition);

        var (content, problems) = await LibraryFolder.LoadAsync(folder.FullName, CancellationToken.None);

        Assert.Empty(problems);
        var dose = Assert.Single(content!.Conditions).Phases[0].DoseProfile.Categories.First(dose => dose.StopRules.Count > 0);
        Assert.Equal(written, dose.Translations["es"].StopRules);
        Assert.Equal(written, dose.StopRulesIn("es-US"));
        Assert.NotEqual(written, dose.StopRulesIn("en"));
    }

    [Fact]
    public async Task A_translation_without_its_stop_rules_is_refused_naming_the_file()
    {
        var condition = Authored();
        FirstDoseWithRules(condition)["translations"]!["es"]!.AsObject().Remove("stopRules");
        await WriteConditionAsync(condition);

        var (content, problems) = await LibraryFolder.LoadAsync(folder.FullName, CancellationToken.None);

        Assert.Null(content);
        var problem = Assert.Single(problems);
        Assert.Contains(File, problem.Path, StringComparison.Ordinal);
        Assert.Contains("stopRules", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_a_translation_does_not_have_is_refused_naming_its_path()
    {
        var condition = Authored();
        FirstDoseWithRules(condition)["translations"]!["es"]!["rules"] = new JsonArray();
        await WriteConditionAsync(condition);

        var (content, problems) = await LibraryFolder.LoadAsync(folder.FullName, CancellationToken.None);

        Assert.Null(content);
        Assert.Contains("translations.es.rules", Assert.Single(problems).Path, StringComparison.Ordinal);
    }

    [Fact]
    public void The_published_document_orders_stop_rule_translations_by_language()
    {
        var shipped = ShippedLibrary.Content;
        LibraryContent WithLanguages(params string[] languages) => shipped with
        {
            Conditions = [.. shipped.Conditions.Select(condition => condition with
            {
                Phases = [.. condition.Phases.Select(phase => phase with
                {
                    DoseProfile = phase.DoseProfile with
                    {
                        Categories = [.. phase.DoseProfile.Categories.Select(dose => dose with
                        {
                            Translations = languages.ToDictionary(language => language, language => new StopRulesWording { StopRules = [.. dose.StopRules.Select(rule => $"{language}: {rule}")] }),
                        })],
                    },
                })],
            })],
        };

        var document = LibraryVersioning.Serialize(WithLanguages("es", "de"));
        var again = LibraryVersioning.Deserialize(document);

        Assert.Equal(document, LibraryVersioning.Serialize(WithLanguages("de", "es")));
        Assert.Equal(["de", "es"], again.Conditions[0].Phases[0].DoseProfile.Categories[0].Translations.Keys);
        Assert.NotEqual(LibraryVersioning.ComputeVersion(document), LibraryVersioning.ComputeVersion(LibraryVersioning.Serialize(WithLanguages("es"))));
    }

    [Fact]
    public void Every_shipped_stop_rule_has_its_Spanish_and_none_cites_the_literature()
    {
        var doses = ShippedLibrary.Content.Conditions
            .SelectMany(condition => condition.Phases.SelectMany(phase => phase.DoseProfile.Categories.Select((dose, i) => (Name: $"{condition.Id} phase {phase.Number} categories[{i}]", Dose: dose))))
            .Where(entry => entry.Dose.StopRules.Count > 0)
            .ToList();

        Assert.NotEmpty(doses);
        Assert.All(doses, entry =>
        {
            Assert.True(entry.Dose.Translations.TryGetValue("es", out var spanish), $"{entry.Name} has no Spanish");
            Assert.Equal(entry.Dose.StopRules.Count, spanish!.StopRules.Count);
            Assert.All(entry.Dose.StopRules.Zip(spanish.StopRules), pair => Assert.NotEqual(pair.First, pair.Second));
            Assert.All(entry.Dose.StopRules.Concat(spanish.StopRules), rule => Assert.False(Citation().IsMatch(rule), $"{entry.Name}: '{rule}' cites a source; the condition's guideline names it"));
        });
    }

    public void Dispose() => folder.Delete(recursive: true);

    [GeneratedRegex(@"et al\.|ACSM|GLA:D|Skou|\b(?:19|20)\d{2}\b")]
    private static partial Regex Citation();

    private async Task WriteConditionAsync(JsonObject condition)
    {
        var conditions = Directory.CreateDirectory(Path.Combine(folder.FullName, "conditions"));
        await System.IO.File.WriteAllTextAsync(Path.Combine(conditions.FullName, File), condition.ToJsonString());
    }
}
