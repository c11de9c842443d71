using System.Net;
using System.Text.Json;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Tenancy;
using Prescriptions.Functions.OpenApi;
using Prescriptions.Testing;

namespace Prescriptions.Functions.Tests;

/// <summary>GET /api/exercises and /api/exercises/{id} with ?language=: the texts in that language, else English, saying which.</summary>
[Collection(ApiCollection.Name)]
public sealed class ExerciseLanguageRouteTests(ApiFixture fixture)
{
    private ApiHost Api => fixture.Host;

    private string Reader => Api.Token(Roles.Therapist, "clinic-a", "therapist-9");

    /// <summary>An exercise of shoulder.json, which carries Spanish.</summary>
    private static Exercise Pendulum => ShippedLibrary.Indexed.FindExercise("pendulum-circles")!;

    [Theory]
    [InlineData("es")]
    [InlineData("es-MX")]
    [InlineData("ES-419")]
    public async Task An_exercise_asked_in_Spanish_answers_its_Spanish_texts(string language)
    {
        var response = await Api.SendAsync(HttpMethod.Get, $"/api/exercises/pendulum-circles?language={language}", Reader);
        var exercise = await response.JsonAsync();
        var spanish = Pendulum.Translations["es"];

        Assert.Equal(["es"], response.Content.Headers.ContentLanguage);
        Assert.Equal("es", exercise.GetProperty("language").GetString());
        Assert.Equal(spanish.Name, exercise.GetProperty("name").GetString());
        Assert.Equal(spanish.Summary, exercise.GetProperty("summary").GetString());
        Assert.Equal(spanish.Instructions, Strings(exercise, "instructions"));
        Assert.Equal(spanish.Cues, Strings(exercise, "cues"));
        Assert.Equal(spanish.Safety, Strings(exercise, "safety"));
        Assert.Equal(Pendulum.DefaultDose.Reps, exercise.GetProperty("defaultDose").GetProperty("reps").GetInt32());
    }

    [Theory]
    [InlineData("de")]
    [InlineData("fr-CA")]
    [InlineData("en-GB")]
    public async Task A_language_the_exercise_does_not_have_answers_the_English_and_says_so(string language)
    {
        var response = await Api.SendAsync(HttpMethod.Get, $"/api/exercises/pendulum-circles?language={language}", Reader);
        var exercise = await response.JsonAsync();

        Assert.Equal(["en"], response.Content.Headers.ContentLanguage);
        Assert.Equal("en", exercise.GetProperty("language").GetString());
        Assert.Equal(Pendulum.Name, exercise.GetProperty("name").GetString());
        Assert.Equal(Pendulum.Instructions, Strings(exercise, "instructions"));
        Assert.Equal(Pendulum.Safety, Strings(exercise, "safety"));
    }

    [Fact]
    public async Task Without_a_language_an_exercise_is_the_library_record_in_English_with_its_translations()
    {
        var response = await Api.SendAsync(HttpMethod.Get, "/api/exercises/pendulum-circles", Reader);
        var exercise = await response.JsonAsync();

        Assert.Equal(["en"], response.Content.Headers.ContentLanguage);
        Assert.False(exercise.TryGetProperty("language", out _));
        Assert.Equal(Pendulum.Name, exercise.GetProperty("name").GetString());
        Assert.Equal(Pendulum.Translations["es"].Name, exercise.GetProperty("translations").GetProperty("es").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("/api/exercises/pendulum-circles?language=es_MX")]
    [InlineData("/api/exercises/pendulum-circles?language=spanish-language-of-spain")]
    [InlineData("/api/exercises?language=e")]
    public async Task A_language_out_of_form_is_a_400_naming_the_parameter(string path)
    {
        var problem = await (await Api.SendAsync(HttpMethod.Get, path, Reader)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("language tag such as es or es-MX", Assert.Single(problem.ErrorsFor("language")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_in_Spanish_gives_each_exercise_its_own_language_and_names_them_all()
    {
        var response = await Api.SendAsync(HttpMethod.Get, "/api/exercises?language=es-MX&bodyRegion=shoulder&pageSize=200", Reader);
        var items = (await response.JsonAsync()).GetProperty("items").EnumerateArray().ToArray();

        Assert.NotEmpty(items);
        Assert.Contains(items, item => item.GetProperty("language").GetString() == "es");
        Assert.All(items, item =>
        {
            var library = ShippedLibrary.Indexed.FindExercise(item.GetProperty("id").GetString()!)!;
            Assert.Equal(library.LanguageIn("es"), item.GetProperty("language").GetString());
            Assert.Equal(library.WordingIn("es").Name, item.GetProperty("name").GetString());
        });
        Assert.Equal(items.Select(item => item.GetProperty("language").GetString()).Distinct(), response.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task A_page_without_a_language_is_in_English()
    {
        var response = await Api.SendAsync(HttpMethod.Get, "/api/exercises?bodyRegion=shoulder&pageSize=5", Reader);
        var items = (await response.JsonAsync()).GetProperty("items").EnumerateArray().ToArray();

        Assert.Equal(["en"], response.Content.Headers.ContentLanguage);
        Assert.All(items, item => Assert.Equal(ShippedLibrary.Indexed.FindExercise(item.GetProperty("id").GetString()!)!.Name, item.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_members_written_are_the_documented_ones()
    {
        var exercise = await (await Api.SendAsync(HttpMethod.Get, "/api/exercises/pendulum-circles?language=es", Reader)).JsonAsync();
        var schemas = OpenApiDocument.Current.Root["components"]!["schemas"]!;

        Assert.All(exercise.EnumerateObject(), member => Assert.NotNull(schemas["Exercise"]!["properties"]![member.Name]));
        Assert.Equal(
            schemas["ExerciseWording"]!["properties"]!.AsObject().Select(property => property.Key).Order(StringComparer.Ordinal),
            exercise.GetProperty("translations").GetProperty("es").EnumerateObject().Select(member => member.Name).Order(StringComparer.Ordinal));
    }

    private static string[] Strings(JsonElement exercise, string member) =>
        [.. exercise.GetProperty(member).EnumerateArray().Select(text => text.GetString()!)];
}
