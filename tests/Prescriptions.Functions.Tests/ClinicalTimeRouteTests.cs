using System.Net;
using Prescriptions.Domain.Tenancy;

namespace Prescriptions.Functions.Tests;

/// <summary>Time since surgery through HTTP: dates validated, entry criteria refuse a create (409) unless overridden, preview shows what holds.</summary>
[Collection(ApiCollection.Name)]
public sealed class ClinicalTimeRouteTests(ApiFixture fixture)
{
    private ApiHost Api => fixture.Host;

    private static string DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_future_or_ancient_surgery_date_and_an_override_without_a_reason_are_400_naming_each_field()
    {
        var token = Api.Token(Roles.Therapist, "clinic-a");

        var problem = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", token, new
        {
            patientId = "p-dates", conditionId = "rotator-cuff-repair", phase = 2, side = "right",
            surgeryDate = DaysAgo(-30), injuryDate = "1800-01-01", @override = true,
        })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("must not be in the future", problem.ErrorsFor("surgeryDate"));
        Assert.NotEmpty(problem.ErrorsFor("injuryDate"));
        Assert.Contains("is required when override is true", problem.ErrorsFor("reason"));
    }

    [Fact]
    public async Task A_phase_the_date_shows_too_early_is_409_until_overridden_with_a_reason()
    {
        var token = Api.Token(Roles.Partner, "clinic-a", "ehr-a");
        var body = new { patientId = "p-early", conditionId = "rotator-cuff-repair", phase = 2, side = "right", surgeryDate = DaysAgo(21) };

        var refused = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", token, body)).AssertProblemAsync(HttpStatusCode.Conflict);
        var created = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", token, new
        {
            body.patientId, body.conditionId, body.phase, body.side, body.surgeryDate, @override = true, reason = "Surgeon's accelerated protocol.",
        })).JsonAsync(HttpStatusCode.Created);

        Assert.NotEmpty(refused.ErrorsFor("entryCriteria.daysSinceSurgery"));
        Assert.Equal(DaysAgo(21), created.GetProperty("surgeryDate").GetString());
        Assert.Equal(["M75.101", "M75.121"], created.GetProperty("icd10Codes").EnumerateArray().Select(c => c.GetString()).Where(c => c!.StartsWith("M75", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_preview_shows_the_entry_criteria_and_the_precautions_time_still_holds()
    {
        var token = Api.Token(Roles.Therapist, "clinic-a");

        var draft = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions/preview", token, new
        {
            patientId = "p-acl", conditionId = "acl-reconstruction", phase = 4, side = "left", surgeryDate = DaysAgo(16 * 7),
        })).JsonAsync();

        Assert.NotEmpty(draft.GetProperty("heldPrecautions").EnumerateArray());
        Assert.NotEmpty(draft.GetProperty("entryCriteria").EnumerateArray());
        Assert.DoesNotContain(draft.GetProperty("items").EnumerateArray(), i => i.GetProperty("exerciseId").GetString() is "side-step-cutting-drill" or "single-leg-lateral-hops" or "figure-eight-run");
    }
}
