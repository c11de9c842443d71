using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Prescriptions.Domain.Tenancy;
using Prescriptions.Testing;

namespace Prescriptions.Functions.Tests;

[Collection(ApiCollection.Name)]
public sealed class EngineRouteTests(ApiFixture fixture)
{
    private ApiHost Api => fixture.Host;

    [Fact]
    public async Task Other_conditions_add_their_precautions_to_the_program()
    {
        var token = Api.Token(Roles.Therapist, "clinic-a");
        var library = ShippedLibrary.Indexed;
        object Body(bool withKnee) => new
        {
            patientId = "p-two-problems",
            conditionId = "lateral-ankle-sprain",
            phase = 4,
            otherConditions = withKnee ? new[] { new { conditionId = "total-knee-arthroplasty", phase = 1 } } : [],
        };

        var alone = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions/preview", token, Body(false))).JsonAsync();
        var both = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions/preview", token, Body(true))).JsonAsync();

        var kneePhase = library.FindCondition("total-knee-arthroplasty")!.FindPhase(1)!;
        Assert.Contains(Ids(alone), id => library.FindExercise(id)!.Contraindications.Intersect(kneePhase.Precautions.Tags).Any());
        Assert.All(Ids(both), id =>
        {
            var exercise = library.FindExercise(id)!;
            Assert.Empty(exercise.Contraindications.Intersect(kneePhase.Precautions.Tags));
            Assert.True(exercise.WeightBearing <= kneePhase.Precautions.WeightBearing);
        });
    }

    [Fact]
    public async Task An_unknown_other_condition_is_named()
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions/preview", Api.Token(Roles.Therapist, "clinic-a"), new
        {
            patientId = "p-1",
            conditionId = "lateral-ankle-sprain",
            phase = 1,
            otherConditions = new object[] { new { conditionId = "no-such", phase = 1 }, new { conditionId = "total-knee-arthroplasty", phase = 9 } },
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("otherConditions[0].conditionId"));
        Assert.NotEmpty(problem.ErrorsFor("otherConditions[1].phase"));
    }

    [Fact]
    public async Task Items_progress_and_regress_along_their_chain_within_the_limits()
    {
        var token = Api.Token(Roles.Therapist, "clinic-a");
        var created = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", token, new
        {
            patientId = "p-chain",
            conditionId = "total-knee-arthroplasty",
            phase = 1,
            constraints = new { romLimits = new[] { new { joint = "knee", motion = "flexion", maxDegrees = 60 } } },
            items = new[] { new { exerciseId = "quad-sets" } },
        });
        var id = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var etag = created.Headers.ETag!;
        string Route(string exercise, string step) => $"/api/prescriptions/{id}/items/{exercise}/{step}";

        await (await Api.SendAsync(HttpMethod.Post, Route("quad-sets", "progress"), token)).AssertProblemAsync((HttpStatusCode)428);
        var progressed = await StepAsync(token, Route("quad-sets", "progress"), etag);
        var body = await progressed.JsonAsync();
        Assert.Equal("short-arc-quad", body.GetProperty("items")[0].GetProperty("exerciseId").GetString());
        Assert.Equal(2, body.GetProperty("version").GetInt32());
        etag = progressed.Headers.ETag!;

        var unsafeStep = await (await StepAsync(token, Route("short-arc-quad", "progress"), etag)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(unsafeStep.ErrorsFor("items[0]"), m => m.StartsWith("romLimit:", StringComparison.Ordinal) && m.Contains("knee flexion (active) to 90 degrees; the cap is 60", StringComparison.Ordinal));

        var regressed = await StepAsync(token, Route("short-arc-quad", "regress"), etag);
        Assert.Equal("quad-sets", (await regressed.JsonAsync()).GetProperty("items")[0].GetProperty("exerciseId").GetString());
        etag = regressed.Headers.ETag!;

        await (await StepAsync(token, Route("quad-sets", "regress"), etag)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await StepAsync(token, Route("heel-slides", "progress"), etag)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<HttpResponseMessage> StepAsync(string token, string route, EntityTagHeaderValue etag)
    {
        using var request = ApiHost.Request(HttpMethod.Post, route, token);
        request.Headers.IfMatch.Add(etag);
        return await Api.Client.SendAsync(request);
    }

    private static IEnumerable<string> Ids(JsonElement program) =>
        program.GetProperty("items").EnumerateArray().Concat(program.GetProperty("clinicItems").EnumerateArray())
            .Select(i => i.GetProperty("exerciseId").GetString()!);

}
