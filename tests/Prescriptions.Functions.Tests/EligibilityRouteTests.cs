using System.Net;
using System.Text.Json;
using Prescriptions.Domain.Tenancy;
using Prescriptions.Testing;

namespace Prescriptions.Functions.Tests;

/// <summary>Which exercises a builder may add under a preview's limits, over HTTP: the reasons, who may ask, what is refused.</summary>
[Collection(ApiCollection.Name)]
public sealed class EligibilityRouteTests(ApiFixture fixture)
{
    private const string Path = "/api/prescriptions/preview/eligibility";

    private ApiHost Api => fixture.Host;

    private static object PreviewBody(string patientId, string conditionId = "lateral-ankle-sprain", int? phase = 2, string[]? exclude = null) => new
    {
        patientId,
        conditionId,
        phase,
        side = "left",
        constraints = new { weightBearing = "partial", equipment = new[] { "band", "chair" }, maxMinutesPerSession = 20, maxExercises = 6, excludeExerciseIds = exclude ?? [] },
    };

    [Fact]
    public async Task Every_exercise_is_judged_the_previews_items_are_allowed_and_a_refusal_says_why()
    {
        var token = Api.Token(Roles.Therapist, "clinic-a");
        var preview = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions/preview", token, PreviewBody("p-elig"))).JsonAsync();
        var excluded = preview.GetProperty("items")[0].GetProperty("exerciseId").GetString()!;

        var answer = await (await Api.SendAsync(HttpMethod.Post, Path, token, PreviewBody("p-elig", exclude: [excluded]))).JsonAsync();

        var exercises = answer.GetProperty("exercises").EnumerateArray().ToDictionary(e => e.GetProperty("exerciseId").GetString()!);
        Assert.Equal(ShippedLibrary.Indexed.Exercises.Count, exercises.Count);
        Assert.Equal(preview.GetProperty("libraryVersion").GetString(), answer.GetProperty("libraryVersion").GetString());
        foreach (var item in preview.GetProperty("items").EnumerateArray().Skip(1))
        {
            Assert.True(exercises[item.GetProperty("exerciseId").GetString()!].GetProperty("allowed").GetBoolean());
        }

        Assert.False(exercises[excluded].GetProperty("allowed").GetBoolean());
        Assert.Equal(["It is on the patient's exclusions."], exercises[excluded].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        var fullWeight = ShippedLibrary.Indexed.Exercises.First(e => e.WeightBearing == Domain.Library.WeightBearing.Full);
        Assert.Contains("It needs full weight bearing; allowed is partial.", exercises[fullWeight.Id].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.All(exercises.Values.Where(e => e.GetProperty("allowed").GetBoolean()), e => Assert.Equal(0, e.GetProperty("reasons").GetArrayLength()));
        Assert.Equal(JsonValueKind.String, exercises[excluded].GetProperty("category").ValueKind);
        Assert.True(exercises[excluded].GetProperty("forCondition").GetBoolean());
        var stored = await (await Api.SendAsync(HttpMethod.Get, "/api/patients/p-elig/prescriptions", token)).JsonAsync();
        Assert.Equal(0, stored.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("no-such-condition", 2, "conditionId")]
    [InlineData("lateral-ankle-sprain", 99, "phase")]
    [InlineData("lateral-ankle-sprain", null, "phase")]
    public async Task Bad_input_names_the_field(string conditionId, int? phase, string field)
    {
        var response = await Api.SendAsync(HttpMethod.Post, Path, Api.Token(Roles.Therapist, "clinic-a"), PreviewBody("p-elig", conditionId, phase));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task Only_prescribers_may_ask_and_only_for_their_own_clinic()
    {
        var body = PreviewBody("p-elig");

        var therapist = await Api.SendAsync(HttpMethod.Post, Path, Api.Token(Roles.Therapist, "clinic-a"), body);
        var partner = await Api.SendAsync(HttpMethod.Post, Path, Api.Token(Roles.Partner, "clinic-a", "partner-a"), body);
        var editor = await Api.SendAsync(HttpMethod.Post, Path, Api.Token(Roles.LibraryEditor, "clinic-a"), body);
        var anonymous = await Api.SendAsync(HttpMethod.Post, Path, null, body);
        var otherClinic = await Api.SendAsync(HttpMethod.Post, Path, Api.Token(Roles.Therapist, "clinic-a"), new { patientId = "p-elig", clinicId = "clinic-b", conditionId = "lateral-ankle-sprain", phase = 2 });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (therapist.StatusCode, partner.StatusCode));
        await editor.AssertProblemAsync(HttpStatusCode.Forbidden);
        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await otherClinic.AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
