using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Prescriptions.Domain.Tenancy;

namespace Prescriptions.Functions.Tests;

/// <summary>PUT takes back what GET answers: read-only members equal to the stored ones are ignored, changed ones are 400.</summary>
[Collection(ApiCollection.Name)]
public sealed class RoundTripTests(ApiFixture fixture)
{
    private ApiHost Api => fixture.Host;

    private string Therapist => Api.Token(Roles.Therapist, "clinic-a", "therapist-rt");

    [Fact]
    public async Task A_read_prescription_with_one_field_changed_is_put_back_whole_and_stored()
    {
        var (id, _) = await CreateAsync("p-roundtrip");
        var (body, etag) = await ReadAsync(id);
        body["weeks"] = 8;

        var put = await PutAsync(id, etag, body);

        var stored = await put.JsonAsync();
        Assert.Equal(8, stored.GetProperty("weeks").GetInt32());
        Assert.Equal(2, stored.GetProperty("version").GetInt32());
        Assert.Equal("anna@example.org", stored.GetProperty("followUp").GetProperty("email").GetString());
        Assert.Equal(
            body["items"]!.AsArray().Select(i => i!["exerciseId"]!.GetValue<string>()),
            stored.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("exerciseId").GetString()));
    }

    [Fact]
    public async Task A_changed_status_is_400_naming_status_and_the_routes_that_change_it_and_nothing_is_stored()
    {
        var (id, _) = await CreateAsync("p-roundtrip-status");
        var (body, etag) = await ReadAsync(id);
        body["status"] = "active";

        var problem = await (await PutAsync(id, etag, body)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["is read-only: use the activate, complete or cancel routes"], problem.ErrorsFor("status"));
        Assert.Single(problem.GetProperty("errors").EnumerateObject());
        var (after, afterTag) = await ReadAsync(id);
        Assert.Equal("draft", after["status"]!.GetValue<string>());
        Assert.Equal(etag, afterTag);
    }

    [Fact]
    public async Task Each_read_only_member_that_would_change_is_named_and_an_unknown_member_is_refused()
    {
        var (id, _) = await CreateAsync("p-roundtrip-many");
        var (body, etag) = await ReadAsync(id);
        body["createdBy"] = "someone-else";
        body["version"] = 7;
        body["items"]![0]!["name"] = "Another name";
        body["followUp"]!["optedOutAt"] = "2026-01-01T00:00:00+00:00";
        body["colour"] = "blue";

        var problem = await (await PutAsync(id, etag, body)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("read-only", problem.ErrorsFor("createdBy").Single(), StringComparison.Ordinal);
        Assert.Contains("If-Match", problem.ErrorsFor("version").Single(), StringComparison.Ordinal);
        Assert.Contains("exercise library", problem.ErrorsFor("items[0].name").Single(), StringComparison.Ordinal);
        Assert.Contains("patient opts out", problem.ErrorsFor("followUp.optedOutAt").Single(), StringComparison.Ordinal);
        Assert.Equal(["is not a known field"], problem.ErrorsFor("colour"));
        Assert.Equal(5, problem.GetProperty("errors").EnumerateObject().Count());
    }

    [Fact]
    public async Task An_item_left_out_of_a_read_program_is_put_back_without_it()
    {
        var (id, _) = await CreateAsync("p-roundtrip-swap");
        var (body, etag) = await ReadAsync(id);
        var items = body["items"]!.AsArray();
        items.RemoveAt(items.Count - 1);

        var stored = await (await PutAsync(id, etag, body)).JsonAsync();

        Assert.Equal(items.Count, stored.GetProperty("items").GetArrayLength());
    }

    private async Task<(string Id, EntityTagHeaderValue ETag)> CreateAsync(string patientId)
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", Therapist, new
        {
            patientId,
            conditionId = "lateral-ankle-sprain",
            phase = 2,
            side = "left",
            weeks = 6,
            constraints = new { weightBearing = "partial", equipment = new[] { "band", "chair" }, maxMinutesPerSession = 20, maxExercises = 6 },
            followUp = new { email = "anna@example.org", timeZone = "Europe/Berlin", reminderTime = "08:30", checkInEveryDays = 7, firstName = "Anna" },
        });
        return ((await response.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!, response.Headers.ETag!);
    }

    private async Task<(JsonObject Body, EntityTagHeaderValue ETag)> ReadAsync(string id)
    {
        var response = await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}", Therapist);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonNode.Parse(text)!.AsObject(), response.Headers.ETag!);
    }

    private async Task<HttpResponseMessage> PutAsync(string id, EntityTagHeaderValue etag, JsonObject body)
    {
        using var request = ApiHost.Request(HttpMethod.Put, $"/api/prescriptions/{id}", Therapist);
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        request.Headers.IfMatch.Add(etag);
        return await Api.Client.SendAsync(request);
    }
}
