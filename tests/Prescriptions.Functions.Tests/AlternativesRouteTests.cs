using System.Net;
using System.Text.Json;
using Prescriptions.Domain.Tenancy;
using Prescriptions.Testing;

namespace Prescriptions.Functions.Tests;

/// <summary>Safe swaps over HTTP: a previewed item's and a stored item's alternatives, who may ask, and what is refused.</summary>
[Collection(ApiCollection.Name)]
public sealed class AlternativesRouteTests(ApiFixture fixture)
{
    private ApiHost Api => fixture.Host;

    private static object PreviewBody(string patientId, string? exerciseId = null, int? slot = null, int? phase = 2) => new
    {
        patientId,
        conditionId = "lateral-ankle-sprain",
        phase,
        side = "left",
        constraints = new { weightBearing = "partial", equipment = new[] { "band", "chair" }, maxMinutesPerSession = 20, maxExercises = 6 },
        exerciseId,
        slot,
    };

    private async Task<string> FirstPreviewedItemAsync(string token) =>
        (await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions/preview", token, PreviewBody("p-alt"))).JsonAsync())
            .GetProperty("items")[0].GetProperty("exerciseId").GetString()!;

    [Fact]
    public async Task A_previewed_item_has_safe_alternatives_for_its_slot_and_nothing_is_stored()
    {
        var token = Api.Token(Roles.Therapist, "clinic-a");
        var preview = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions/preview", token, PreviewBody("p-alt-preview"))).JsonAsync();
        var item = preview.GetProperty("items")[0];
        var exerciseId = item.GetProperty("exerciseId").GetString()!;

        var answer = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions/preview/alternatives", token, PreviewBody("p-alt-preview", exerciseId))).JsonAsync();

        Assert.Equal(item.GetProperty("slot").GetInt32(), answer.GetProperty("slot").GetInt32());
        Assert.Equal(exerciseId, answer.GetProperty("replacingExerciseId").GetString());
        var inProgram = preview.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("exerciseId").GetString()).ToHashSet();
        var alternatives = answer.GetProperty("alternatives").EnumerateArray().ToList();
        Assert.NotEmpty(alternatives);
        Assert.All(alternatives, a =>
        {
            Assert.DoesNotContain(a.GetProperty("exerciseId").GetString(), inProgram);
            Assert.NotNull(ShippedLibrary.Indexed.FindExercise(a.GetProperty("exerciseId").GetString()!));
            Assert.Contains("Keeps every precaution", a.GetProperty("rationale").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Object, a.GetProperty("dose").ValueKind);
        });
        var stored = await (await Api.SendAsync(HttpMethod.Get, "/api/patients/p-alt-preview/prescriptions", token)).JsonAsync();
        Assert.Equal(0, stored.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_slot_may_be_named_instead_of_an_item()
    {
        var answer = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions/preview/alternatives", Api.Token(Roles.Partner, "clinic-a", "partner-a"), PreviewBody("p-alt", slot: 1))).JsonAsync();

        Assert.Equal(1, answer.GetProperty("slot").GetInt32());
    }

    [Theory]
    [InlineData(null, null, "exerciseId")]
    [InlineData("ankle-pumps", 1, "exerciseId")]
    [InlineData(null, 0, "slot")]
    [InlineData(null, 99, "slot")]
    [InlineData("no-such-exercise", null, "exerciseId")]
    public async Task Bad_input_names_the_field(string? exerciseId, int? slot, string field)
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions/preview/alternatives", Api.Token(Roles.Therapist, "clinic-a"), PreviewBody("p-alt", exerciseId, slot));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task A_missing_phase_is_named_with_the_item()
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions/preview/alternatives", Api.Token(Roles.Therapist, "clinic-a"), PreviewBody("p-alt", phase: null));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("phase"));
        Assert.NotEmpty(problem.ErrorsFor("exerciseId"));
    }

    [Fact]
    public async Task A_stored_item_has_alternatives_within_the_callers_clinic_only()
    {
        var token = Api.Token(Roles.Therapist, "clinic-a");
        var created = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", token, Requests.Create("p-alt-stored"))).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        var exerciseId = created.GetProperty("items")[0].GetProperty("exerciseId").GetString()!;
        var path = $"/api/prescriptions/{id}/items/{exerciseId}/alternatives";

        var answer = await (await Api.SendAsync(HttpMethod.Get, path, token)).JsonAsync();
        var partner = await Api.SendAsync(HttpMethod.Get, path, Api.Token(Roles.Partner, "clinic-a", "partner-a"));
        var otherClinic = await Api.SendAsync(HttpMethod.Get, path, Api.Token(Roles.Therapist, "clinic-b"));
        var noItem = await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}/items/no-such-exercise/alternatives", token);
        var editor = await Api.SendAsync(HttpMethod.Get, path, Api.Token(Roles.LibraryEditor, "clinic-a"));
        var anonymous = await Api.SendAsync(HttpMethod.Get, path);

        Assert.Equal(exerciseId, answer.GetProperty("replacingExerciseId").GetString());
        Assert.NotEmpty(answer.GetProperty("alternatives").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, partner.StatusCode);
        await otherClinic.AssertProblemAsync(HttpStatusCode.NotFound);
        await noItem.AssertProblemAsync(HttpStatusCode.NotFound);
        await editor.AssertProblemAsync(HttpStatusCode.Forbidden);
        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var history = await (await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}/history", token)).JsonAsync();
        Assert.Equal(1, history.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Only_prescribers_may_ask_for_a_previewed_items_alternatives()
    {
        var exerciseId = await FirstPreviewedItemAsync(Api.Token(Roles.Therapist, "clinic-a"));
        var body = PreviewBody("p-alt", exerciseId);

        var therapist = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions/preview/alternatives", Api.Token(Roles.Therapist, "clinic-a"), body);
        var partner = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions/preview/alternatives", Api.Token(Roles.Partner, "clinic-a", "partner-a"), body);
        var editor = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions/preview/alternatives", Api.Token(Roles.LibraryEditor, "clinic-a"), body);
        var anonymous = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions/preview/alternatives", null, body);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (therapist.StatusCode, partner.StatusCode));
        await editor.AssertProblemAsync(HttpStatusCode.Forbidden);
        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
