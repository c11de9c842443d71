using System.Net;
using System.Net.Http.Headers;
using Prescriptions.Domain.Tenancy;

namespace Prescriptions.Functions.Tests;

[Collection(ApiCollection.Name)]
public sealed class LifecycleTests(ApiFixture fixture)
{
    private ApiHost Api => fixture.Host;

    private string Therapist => Api.Token(Roles.Therapist, "clinic-a", "therapist-7");

    [Fact]
    public async Task Draft_activates_then_completes_and_each_step_is_in_the_history()
    {
        var (id, etag) = await CreateAsync();

        var activated = await PostAsync($"/api/prescriptions/{id}/activate", etag);
        var active = await activated.JsonAsync();
        var completed = await PostAsync($"/api/prescriptions/{id}/complete", activated.Headers.ETag!);
        var done = await completed.JsonAsync();

        Assert.Equal("active", active.GetProperty("status").GetString());
        Assert.True(active.TryGetProperty("phaseStartedAt", out _));
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(3, done.GetProperty("version").GetInt32());
        var history = await (await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}/history", Therapist)).JsonAsync();
        var entries = history.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(["completed", "activated", "created"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e =>
        {
            Assert.Equal("therapist-7", e.GetProperty("subject").GetString());
            Assert.Equal("user", e.GetProperty("subjectKind").GetString());
            Assert.Contains("portal", e.GetProperty("source").GetString(), StringComparison.Ordinal);
        });
        var statusChange = entries[0].GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "Status");
        Assert.Equal("active", statusChange.GetProperty("from").GetString());
        Assert.Equal("completed", statusChange.GetProperty("to").GetString());
    }

    [Fact]
    public async Task A_replaced_dose_reads_in_the_history_as_sets_by_reps()
    {
        var created = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", Therapist, Requests.Create("p-readable-audit"));
        var body = await created.JsonAsync(HttpStatusCode.Created);
        var id = body.GetProperty("id").GetString()!;
        var items = body.GetProperty("items").EnumerateArray().ToArray();
        var counted = items.First(i => i.GetProperty("dose").TryGetProperty("reps", out _) && !i.GetProperty("dose").TryGetProperty("durationSeconds", out _));
        var (sets, reps) = (counted.GetProperty("dose").GetProperty("sets").GetInt32(), counted.GetProperty("dose").GetProperty("reps").GetInt32());
        var replacement = new
        {
            items = items.Select(i => i.GetProperty("exerciseId").GetString() == counted.GetProperty("exerciseId").GetString()
                ? (object)new { exerciseId = i.GetProperty("exerciseId").GetString(), dose = WithReps(counted.GetProperty("dose"), reps - 1) }
                : new { exerciseId = i.GetProperty("exerciseId").GetString() }).ToArray(),
        };
        using var put = ApiHost.Request(HttpMethod.Put, $"/api/prescriptions/{id}", Therapist, replacement);
        put.Headers.IfMatch.Add(created.Headers.ETag!);
        await (await Api.Client.SendAsync(put)).JsonAsync();

        var history = await (await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}/history", Therapist)).JsonAsync();

        var change = history.GetProperty("items")[0].GetProperty("changes").EnumerateArray()
            .Single(c => c.GetProperty("field").GetString() == $"Dose of {counted.GetProperty("name").GetString()}");
        Assert.StartsWith($"{sets} x {reps}", change.GetProperty("from").GetString(), StringComparison.Ordinal);
        Assert.StartsWith($"{sets} x {reps - 1}", change.GetProperty("to").GetString(), StringComparison.Ordinal);
    }

    private static System.Text.Json.Nodes.JsonNode WithReps(System.Text.Json.JsonElement dose, int reps)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(dose.GetRawText())!;
        node["reps"] = reps;
        return node;
    }

    // The status machine's every case is in Prescriptions.Application.Tests/LifecycleRulesTests; here, that a refusal is a
    // 409 problem and changes nothing over HTTP.
    [Fact]
    public async Task An_illegal_transition_is_409_and_changes_nothing()
    {
        var (id, etag) = await CreateInStateAsync("completed");

        var response = await PostAsync($"/api/prescriptions/{id}/activate", etag);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        var read = await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}", Therapist);
        Assert.Equal(etag, read.Headers.ETag);
        Assert.Equal("completed", (await read.JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_transition_needs_if_match_and_a_current_etag()
    {
        var (id, etag) = await CreateAsync();

        await (await Api.SendAsync(HttpMethod.Post, $"/api/prescriptions/{id}/activate", Therapist)).AssertProblemAsync((HttpStatusCode)428);
        (await PostAsync($"/api/prescriptions/{id}/activate", etag)).EnsureSuccessStatusCode();
        await (await PostAsync($"/api/prescriptions/{id}/cancel", etag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Advance_is_refused_with_the_unmet_criteria_unless_overridden_with_a_reason()
    {
        var (id, etag) = await CreateInStateAsync("active");

        var refused = await (await PostAsync($"/api/prescriptions/{id}/advance", etag)).AssertProblemAsync(HttpStatusCode.Conflict);
        var noReason = await PostAsync($"/api/prescriptions/{id}/advance", etag, new { @override = true });
        var advanced = await PostAsync($"/api/prescriptions/{id}/advance", etag, new { @override = true, reason = "Surgeon cleared early progression." });

        Assert.Contains(refused.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith("criteria.", StringComparison.Ordinal));
        await noReason.AssertProblemAsync(HttpStatusCode.BadRequest);
        var body = await advanced.JsonAsync();
        Assert.Equal(2, body.GetProperty("phase").GetInt32());
        Assert.NotEmpty(body.GetProperty("items").EnumerateArray());
        var history = await (await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}/history", Therapist)).JsonAsync();
        var entry = history.GetProperty("items")[0];
        Assert.Equal("phaseAdvanced", entry.GetProperty("action").GetString());
        Assert.Contains("Surgeon cleared", entry.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_reads_measurements_as_met_not_met_or_unknown()
    {
        var (id, _) = await CreateInStateAsync("active");
        var exit = (await (await Api.SendAsync(HttpMethod.Get, "/api/conditions/lateral-ankle-sprain", Therapist)).JsonAsync())
            .GetProperty("phases")[0].GetProperty("exitCriteria").EnumerateArray().ToArray();
        var first = exit[0];
        var measure = first.GetProperty("measure").GetString();
        var threshold = first.GetProperty("threshold").GetDouble();
        var comparator = first.GetProperty("comparator").GetString();
        var meeting = comparator is "lte" or "lt" ? threshold - 1 : threshold + 1;

        var recorded = await Api.SendAsync(HttpMethod.Post, $"/api/prescriptions/{id}/measurements", Therapist,
            new { measure, value = meeting, unit = first.GetProperty("unit").GetString() });
        var readiness = await (await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}/readiness", Therapist)).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var criteria = readiness.GetProperty("criteria").EnumerateArray().ToArray();
        Assert.Equal("met", criteria[0].GetProperty("status").GetString());
        Assert.Equal(meeting, criteria[0].GetProperty("evidence").GetProperty("value").GetDouble());
        if (criteria.Length > 1)
        {
            Assert.Equal("unknown", criteria[1].GetProperty("status").GetString());
        }

        Assert.False(readiness.GetProperty("ready").GetBoolean());
        var bad = await Api.SendAsync(HttpMethod.Post, $"/api/prescriptions/{id}/measurements", Therapist, new { measure = "Knee Flexion", unit = "" });
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("measure"));
        Assert.NotEmpty(problem.ErrorsFor("value"));
        Assert.NotEmpty(problem.ErrorsFor("unit"));
    }

    [Fact]
    public async Task The_same_idempotency_key_and_body_replay_the_first_answer_and_another_body_is_422()
    {
        var key = $"key-{Guid.NewGuid():N}";
        var body = Requests.Create("p-idem");

        var first = await SendWithKeyAsync(key, body);
        var again = await SendWithKeyAsync(key, body);
        var other = await SendWithKeyAsync(key, Requests.Create("p-idem-other"));

        var created = await first.JsonAsync(HttpStatusCode.Created);
        var replayed = await again.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(created.GetProperty("id").GetString(), replayed.GetProperty("id").GetString());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
        var problem = await other.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.NotEmpty(problem.ErrorsFor("Idempotency-Key"));
        var list = await (await Api.SendAsync(HttpMethod.Get, "/api/patients/p-idem/prescriptions", Therapist)).JsonAsync();
        Assert.Single(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Parallel_requests_with_one_idempotency_key_create_one_prescription()
    {
        var key = $"race-{Guid.NewGuid():N}";

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => SendWithKeyAsync(key, Requests.Create("p-idem-race"))));

        var ids = new HashSet<string>();
        foreach (var answer in answers)
        {
            ids.Add((await answer.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!);
        }

        Assert.Single(ids);
    }

    [Fact]
    public async Task A_patients_prescriptions_page_newest_first_across_pages()
    {
        var patient = $"p-{Guid.NewGuid():N}"[..20];
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", Therapist, Requests.Create(patient))).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!);
        }

        var ids = new List<string>();
        string? token = null;
        do
        {
            var path = $"/api/patients/{patient}/prescriptions?pageSize=2" + (token is null ? string.Empty : $"&continuationToken={Uri.EscapeDataString(token)}");
            var page = await (await Api.SendAsync(HttpMethod.Get, path, Therapist)).JsonAsync();
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()!));
            token = page.GetProperty("continuationToken").GetString();
        }
        while (token is not null);

        Assert.Equal(Enumerable.Reverse(created), ids);
        var otherClinic = await (await Api.SendAsync(HttpMethod.Get, $"/api/patients/{patient}/prescriptions", Api.Token(Roles.Therapist, "clinic-b"))).JsonAsync();
        Assert.Empty(otherClinic.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_ehrs_own_id_finds_its_prescriptions_only_in_the_callers_clinics()
    {
        var externalId = $"EHR/{Guid.NewGuid():N}?x#1";
        var partner = Api.Token(Roles.Partner, "clinic-a", "ehr-a");
        var body = new { patientId = "p-ext", conditionId = "lateral-ankle-sprain", phase = 1, externalId };
        var created = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", partner, body)).JsonAsync(HttpStatusCode.Created);

        var found = await (await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions?externalId={Uri.EscapeDataString(externalId)}", partner)).JsonAsync();
        var elsewhere = await (await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions?externalId={Uri.EscapeDataString(externalId)}", Api.Token(Roles.Partner, "clinic-b", "ehr-b"))).JsonAsync();
        var missing = await Api.SendAsync(HttpMethod.Get, "/api/prescriptions?externalId=", partner);

        Assert.Equal(created.GetProperty("id").GetString(), found.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString());
        Assert.Empty(elsewhere.GetProperty("items").EnumerateArray());
        await missing.AssertProblemAsync(HttpStatusCode.BadRequest);
        var history = await (await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{created.GetProperty("id").GetString()}/history", partner)).JsonAsync();
        Assert.Equal("app", history.GetProperty("items")[0].GetProperty("subjectKind").GetString());
    }

    private async Task<(string Id, EntityTagHeaderValue ETag)> CreateAsync()
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", Therapist, Requests.Create("p-lifecycle", phase: 1));
        return ((await response.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!, response.Headers.ETag!);
    }

    private async Task<(string Id, EntityTagHeaderValue ETag)> CreateInStateAsync(string state)
    {
        var (id, etag) = await CreateAsync();
        string[] path = state switch
        {
            "active" => ["activate"],
            "completed" => ["activate", "complete"],
            "cancelled" => ["cancel"],
            _ => [],
        };
        foreach (var step in path)
        {
            var response = await PostAsync($"/api/prescriptions/{id}/{step}", etag);
            response.EnsureSuccessStatusCode();
            etag = response.Headers.ETag!;
        }

        return (id, etag);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, EntityTagHeaderValue etag, object? body = null)
    {
        using var request = ApiHost.Request(HttpMethod.Post, path, Therapist, body);
        request.Headers.IfMatch.Add(etag);
        return await Api.Client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendWithKeyAsync(string key, object body)
    {
        using var request = ApiHost.Request(HttpMethod.Post, "/api/prescriptions", Therapist, body);
        request.Headers.Add("Idempotency-Key", key);
        return await Api.Client.SendAsync(request);
    }
}
