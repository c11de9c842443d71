using System.Text.Json.Nodes;
using Prescriptions.Application.Library;
using Prescriptions.Domain.Library;
using Prescriptions.Testing;

namespace Prescriptions.Domain.Tests;

/// <summary>
/// A condition's and a phase's names in other languages: <see cref="Condition.NameIn"/> and <see cref="Phase.NameIn"/>
/// read a reader's primary language else the English; the validator names the path of each problem; the condition
/// files load them as written and publish them in one canonical form; every shipped condition and phase has Spanish.
/// </summary>
public sealed class ConditionNameTranslationTests : IDisposable
{
    private const string File = "lateral-ankle-sprain.json";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("library-");

    private static LibraryContent Shipped => ShippedLibrary.Content;

    private static Condition Ankle => Shipped.Conditions.First(c => c.Id == "lateral-ankle-sprain");

    private static Dictionary<string, NameWording> Named(string language, string name) => new() { [language] = new NameWording { Name = name } };

    private static IReadOnlyList<LibraryProblem> Validate(Condition condition) =>
        LibraryValidator.Validate(Shipped with { Conditions = [.. Shipped.Conditions.Select(c => c.Id == condition.Id ? condition : c)] });

    private static IReadOnlyList<LibraryProblem> ValidateConditionName(string language, string name) =>
        Validate(Ankle with { Translations = Named(language, name) });

    private static IReadOnlyList<LibraryProblem> ValidatePhaseName(string language, string name) =>
        Validate(Ankle with { Phases = [.. Ankle.Phases.Select(p => p.Number == 2 ? p with { Translations = Named(language, name) } : p)] });

    private const string ConditionPath = "conditions[lateral-ankle-sprain].translations";

    private const string PhasePath = "conditions[lateral-ankle-sprain].phases[2].translations";

    [Theory]
    [InlineData("es")]
    [InlineData("es-MX")]
    [InlineData("ES")]
    [InlineData("Es-419")]
    public void A_tag_reads_the_names_of_its_primary_language(string tag)
    {
        var condition = Ankle with { Translations = Named("es", "Esguince") };
        var phase = Ankle.Phases[0] with { Translations = Named("es", "Protección") };

        Assert.Equal(("Esguince", "Protección"), (condition.NameIn(tag), phase.NameIn(tag)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("en")]
    [InlineData("en-GB")]
    [InlineData("de")]
    [InlineData("es_MX")]
    [InlineData("es\n")]
    public void Any_other_tag_falls_back_to_the_English(string? tag)
    {
        var condition = Ankle with { Translations = Named("es", "Esguince") };
        var phase = Ankle.Phases[0] with { Translations = Named("es", "Protección") };

        Assert.Equal(("Lateral ankle sprain", "Protection"), (condition.NameIn(tag), phase.NameIn(tag)));
    }

    [Fact]
    public void A_translation_keyed_en_is_never_served_over_the_English()
    {
        var condition = Ankle with { Translations = Named("en", "Sprained ankle") };
        var phase = Ankle.Phases[0] with { Translations = Named("en", "Rest") };

        Assert.Equal((condition.Name, phase.Name), (condition.NameIn("en"), phase.NameIn("en")));
    }

    [Fact]
    public void A_condition_and_phases_without_translations_read_the_English_in_any_language()
    {
        var condition = Ankle with { Translations = new Dictionary<string, NameWording>(), Phases = [.. Ankle.Phases.Select(p => p with { Translations = new Dictionary<string, NameWording>() })] };

        Assert.Equal("Lateral ankle sprain", condition.NameIn("es"));
        Assert.Equal("Protection", condition.Phases[0].NameIn("es"));
    }

    [Fact]
    public void Complete_names_are_accepted()
    {
        var problems = Validate(Ankle with
        {
            Translations = Named("de", "Außenbandverletzung"),
            Phases = [.. Ankle.Phases.Select(p => p with { Translations = Named("de", $"Phase {p.Number}") })],
        });

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void An_empty_condition_name_is_refused_naming_its_path()
    {
        var problem = Assert.Single(ValidateConditionName("es", " "));

        Assert.Equal($"{ConditionPath}.es.name", problem.Path);
        Assert.Equal("must not be empty", problem.Message);
    }

    [Fact]
    public void An_empty_phase_name_is_refused_naming_its_path()
    {
        var problem = Assert.Single(ValidatePhaseName("es", ""));

        Assert.Equal($"{PhasePath}.es.name", problem.Path);
        Assert.Equal("must not be empty", problem.Message);
    }

    [Fact]
    public void English_is_not_a_translation_of_a_condition_or_a_phase()
    {
        var condition = Assert.Single(ValidateConditionName("en", "Sprained ankle"));
        var phase = Assert.Single(ValidatePhaseName("en", "Rest"));

        Assert.Equal(($"{ConditionPath}.en", $"{PhasePath}.en"), (condition.Path, phase.Path));
        Assert.Contains("English is the condition's own name", condition.Message, StringComparison.Ordinal);
        Assert.Contains("English is the phase's own name", phase.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es-MX")]
    [InlineData("ES")]
    [InlineData("spanish")]
    [InlineData("")]
    public void A_key_that_is_not_a_lower_case_language_code_is_refused(string key)
    {
        var condition = Assert.Single(ValidateConditionName(key, "Esguince"));
        var phase = Assert.Single(ValidatePhaseName(key, "Protección"));

        Assert.Equal(($"{ConditionPath}.{key}", $"{PhasePath}.{key}"), (condition.Path, phase.Path));
        Assert.Contains("lower-case 2-3 letter language code such as 'es'", condition.Message, StringComparison.Ordinal);
        Assert.Contains("lower-case 2-3 letter language code such as 'es'", phase.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_library_folder_loads_the_names_as_written()
    {
        var authored = Authored();
        var conditionName = (string)authored["translations"]!["es"]!["name"]!;
        var phaseName = (string)authored["phases"]![1]!["translations"]!["es"]!["name"]!;
        await WriteConditionAsync(authored);

        var (content, problems) = await LibraryFolder.LoadAsync(folder.FullName, CancellationToken.None);

        Assert.Empty(problems);
        var condition = Assert.Single(content!.Conditions);
        Assert.Equal(("Esguince lateral de tobillo", "Movimiento controlado y primeros ejercicios de fuerza"), (conditionName, phaseName));
        Assert.Equal((conditionName, phaseName), (condition.NameIn("es-US"), condition.Phases[1].NameIn("es-US")));
        Assert.Equal(("Lateral ankle sprain", "Controlled motion and early strengthening"), (condition.NameIn("en"), condition.Phases[1].NameIn("en")));
    }

    [Fact]
    public async Task A_phase_translation_without_its_name_is_refused_naming_the_file()
    {
        var authored = Authored();
        authored["phases"]![1]!["translations"]!["es"]!.AsObject().Remove("name");
        await WriteConditionAsync(authored);

        var (content, problems) = await LibraryFolder.LoadAsync(folder.FullName, CancellationToken.None);

        Assert.Null(content);
        var problem = Assert.Single(problems);
        Assert.Contains(File, problem.Path, StringComparison.Ordinal);
        Assert.Contains("name", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_a_condition_translation_does_not_have_is_refused_naming_its_path()
    {
        var authored = Authored();
        authored["translations"]!["es"]!["summary"] = "Un esguince.";
        await WriteConditionAsync(authored);

        var (content, problems) = await LibraryFolder.LoadAsync(folder.FullName, CancellationToken.None);

        Assert.Null(content);
        Assert.Contains("translations.es.summary", Assert.Single(problems).Path, StringComparison.Ordinal);
    }

    [Fact]
    public void The_condition_files_place_the_translations_after_the_summary_and_after_each_phases_name()
    {
        foreach (var path in Directory.GetFiles(RepositoryPaths.Combine("library", "conditions"), "*.json"))
        {
            var condition = JsonNode.Parse(System.IO.File.ReadAllText(path))!.AsObject();
            var keys = condition.Select(member => member.Key).ToList();
            Assert.Equal(keys.IndexOf("summary") + 1, keys.IndexOf("translations"));
            foreach (var phase in condition["phases"]!.AsArray().Select(p => p!.AsObject()))
            {
                var phaseKeys = phase.Select(member => member.Key).ToList();
                Assert.Equal(phaseKeys.IndexOf("name") + 1, phaseKeys.IndexOf("translations"));
            }
        }
    }

    [Fact]
    public void The_published_document_orders_name_translations_by_language()
    {
        LibraryContent WithLanguages(params string[] languages) => Shipped with
        {
            Conditions = [.. Shipped.Conditions.Select(condition => condition with
            {
                Translations = languages.ToDictionary(language => language, language => new NameWording { Name = $"{language}: {condition.Name}" }),
                Phases = [.. condition.Phases.Select(phase => phase with
                {
                    Translations = languages.ToDictionary(language => language, language => new NameWording { Name = $"{language}: {phase.Name}" }),
                })],
            })],
        };

        var document = LibraryVersioning.Serialize(WithLanguages("es", "de"));
        var again = LibraryVersioning.Deserialize(document);

        Assert.Equal(document, LibraryVersioning.Serialize(WithLanguages("de", "es")));
        Assert.Equal(["de", "es"], again.Conditions[0].Translations.Keys);
        Assert.Equal(["de", "es"], again.Conditions[0].Phases[0].Translations.Keys);
        Assert.Equal($"es: {again.Conditions[0].Phases[0].Name}", again.Conditions[0].Phases[0].NameIn("es"));
        Assert.NotEqual(LibraryVersioning.ComputeVersion(document), LibraryVersioning.ComputeVersion(LibraryVersioning.Serialize(WithLanguages("es"))));
    }

    [Fact]
    public void Every_shipped_condition_and_phase_has_its_Spanish_name()
    {
        Assert.Equal(23, Shipped.Conditions.Count);
        Assert.All(Shipped.Conditions, condition =>
        {
            Assert.True(condition.Translations.TryGetValue("es", out var spanish), $"{condition.Id} has no Spanish name");
            Assert.NotEqual(condition.Name, spanish!.Name);
            Assert.All(condition.Phases, phase =>
            {
                Assert.True(phase.Translations.TryGetValue("es", out var phaseSpanish), $"{condition.Id} phase {phase.Number} has no Spanish name");
                Assert.NotEqual(phase.Name, phaseSpanish!.Name);
            });
        });
        Assert.Equal("Prótesis total de rodilla", Shipped.Conditions.First(c => c.Id == "total-knee-arthroplasty").NameIn("es"));
        Assert.Equal("Reconstrucción del ligamento cruzado anterior (LCA)", Shipped.Conditions.First(c => c.Id == "acl-reconstruction").NameIn("es"));
    }

    public void Dispose() => folder.Delete(recursive: true);

    private static JsonObject Authored() =>
        JsonNode.Parse(System.IO.File.ReadAllText(RepositoryPaths.Combine("library", "conditions", File)))!.AsObject();

    private async Task WriteConditionAsync(JsonObject condition)
    {
        var conditions = Directory.CreateDirectory(Path.Combine(folder.FullName, "conditions"));
        await System.IO.File.WriteAllTextAsync(Path.Combine(conditions.FullName, File), condition.ToJsonString());
    }
}
