using System.Text.Json;
using System.Text.Json.Nodes;
using Prescriptions.Application.Library;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Serialization;
using Prescriptions.Testing;

namespace Prescriptions.Domain.Tests;

/// <summary>Translations as the library files write them: loaded, refused when incomplete, and published in one canonical form.</summary>
public sealed class ExerciseTranslationJsonTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("library-");

    private static Exercise Subject => ShippedLibrary.Content.Exercises.First(e => e.Cues.Count > 0 && e.Safety.Count > 0);

    private static JsonObject Wording(string name) => new()
    {
        ["name"] = name,
        ["summary"] = $"{name}: resumen.",
        ["instructions"] = new JsonArray([.. Subject.Instructions.Select((_, i) => JsonValue.Create($"{name} {i + 1}."))]),
        ["cues"] = new JsonArray([.. Subject.Cues.Select((_, i) => JsonValue.Create($"{name} indicación {i + 1}."))]),
        ["safety"] = new JsonArray([.. Subject.Safety.Select((_, i) => JsonValue.Create($"{name} seguridad {i + 1}."))]),
    };

    /// <summary>The subject as its file has it, with <c>translations</c> right after <c>safety</c>.</summary>
    private static JsonObject Authored(JsonObject translations)
    {
        var english = JsonSerializer.SerializeToNode(Subject with { Translations = new Dictionary<string, ExerciseWording>() }, DomainJson.Options)!.AsObject();
        var authored = new JsonObject();
        foreach (var (key, value) in english)
        {
            if (key == "translations")
            {
                continue;
            }

            authored[key] = value?.DeepClone();
            if (key == "safety")
            {
                authored["translations"] = translations;
            }
        }

        authored.Remove("isNeuromuscular");
        return authored;
    }

    [Fact]
    public async Task The_library_folder_loads_an_exercise_translation_as_written()
    {
        await WriteExercisesAsync(Authored(new JsonObject { ["es"] = Wording("Paso") }));

        var (content, problems) = await LibraryFolder.LoadAsync(folder.FullName, CancellationToken.None);

        Assert.Empty(problems);
        var spanish = Assert.Single(content!.Exercises).Translations["es"];
        Assert.Equal("Paso", spanish.Name);
        Assert.Equal("Paso: resumen.", spanish.Summary);
        Assert.Equal(Subject.Instructions.Count, spanish.Instructions.Count);
        Assert.Equal("Paso 2.", spanish.Instructions[1]);
        Assert.Equal("Paso indicación 1.", spanish.Cues[0]);
        Assert.Equal("Paso seguridad 1.", spanish.Safety[0]);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("summary")]
    [InlineData("instructions")]
    [InlineData("cues")]
    [InlineData("safety")]
    public async Task A_translation_without_one_of_its_five_fields_is_refused_naming_the_file(string field)
    {
        var spanish = Wording("Paso");
        spanish.Remove(field);
        await WriteExercisesAsync(Authored(new JsonObject { ["es"] = spanish }));

        var (content, problems) = await LibraryFolder.LoadAsync(folder.FullName, CancellationToken.None);

        Assert.Null(content);
        var problem = Assert.Single(problems);
        Assert.Contains("exercises.json", problem.Path, StringComparison.Ordinal);
        Assert.Contains(field, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_a_translation_does_not_have_is_refused_naming_its_path()
    {
        var spanish = Wording("Paso");
        spanish["steps"] = new JsonArray();
        await WriteExercisesAsync(Authored(new JsonObject { ["es"] = spanish }));

        var (content, problems) = await LibraryFolder.LoadAsync(folder.FullName, CancellationToken.None);

        Assert.Null(content);
        Assert.Contains("translations.es.steps", Assert.Single(problems).Path, StringComparison.Ordinal);
    }

    [Fact]
    public void The_published_document_orders_translations_by_language_and_round_trips_them()
    {
        var esFirst = Parse(Authored(new JsonObject { ["es"] = Wording("Paso"), ["de"] = Wording("Schritt") }));
        var deFirst = Parse(Authored(new JsonObject { ["de"] = Wording("Schritt"), ["es"] = Wording("Paso") }));
        var conditions = ShippedLibrary.Content.Conditions;

        var document = LibraryVersioning.Serialize(new LibraryContent([esFirst], conditions));
        var again = LibraryVersioning.Deserialize(document);

        Assert.Equal(document, LibraryVersioning.Serialize(new LibraryContent([deFirst], conditions)));
        Assert.Equal(["de", "es"], again.Exercises[0].Translations.Keys);
        Assert.Equal("Schritt", again.Exercises[0].WordingIn("de-AT").Name);
        Assert.Equal(document, LibraryVersioning.Serialize(again));
    }

    [Fact]
    public void A_translation_changes_the_version()
    {
        var english = Parse(Authored(new JsonObject()));
        var spanish = Parse(Authored(new JsonObject { ["es"] = Wording("Paso") }));
        var conditions = ShippedLibrary.Content.Conditions;

        Assert.NotEqual(
            LibraryVersioning.ComputeVersion(LibraryVersioning.Serialize(new LibraryContent([english], conditions))),
            LibraryVersioning.ComputeVersion(LibraryVersioning.Serialize(new LibraryContent([spanish], conditions))));
    }

    public void Dispose() => folder.Delete(recursive: true);

    private static Exercise Parse(JsonObject authored) => authored.Deserialize<Exercise>(DomainJson.Options)!;

    private async Task WriteExercisesAsync(JsonObject exercise)
    {
        var exercises = Directory.CreateDirectory(Path.Combine(folder.FullName, "exercises"));
        await File.WriteAllTextAsync(Path.Combine(exercises.FullName, "exercises.json"), new JsonArray(exercise).ToJsonString());
    }
}
