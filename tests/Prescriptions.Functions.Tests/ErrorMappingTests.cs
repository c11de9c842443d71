using System.Net;
using System.Text;
using Azure.Data.Tables;
using Prescriptions.Domain.Tenancy;

namespace Prescriptions.Functions.Tests;

[Collection(ApiCollection.Name)]
public sealed class ErrorMappingTests(ApiFixture fixture)
{
    private ApiHost Api => fixture.Host;

    private string Therapist => Api.Token(Roles.Therapist, "clinic-a");

    [Fact]
    public async Task Malformed_json_is_400_problem_json_and_stores_nothing()
    {
        var before = await CountRowsAsync();
        using var request = ApiHost.Request(HttpMethod.Post, "/api/prescriptions", Therapist);
        request.Content = new StringContent("{\"patientId\": \"p-1\", ", Encoding.UTF8, "application/json");

        var problem = await (await Api.Client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("malformed-json", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task A_wrong_content_type_is_415()
    {
        using var request = ApiHost.Request(HttpMethod.Post, "/api/prescriptions", Therapist);
        request.Content = new StringContent("patientId=p-1", Encoding.UTF8, "application/x-www-form-urlencoded");

        await (await Api.Client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_413()
    {
        using var request = ApiHost.Request(HttpMethod.Post, "/api/prescriptions", Therapist);
        request.Content = new StringContent($"{{\"patientId\":\"{new string('x', 1024 * 1024)}\"}}", Encoding.UTF8, "application/json");

        await (await Api.Client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_chunked_body_over_one_mebibyte_is_413_too()
    {
        using var request = ApiHost.Request(HttpMethod.Post, "/api/prescriptions", Therapist);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($"{{\"patientId\":\"{new string('x', 1100 * 1024)}\"}}")));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Content = content;
        request.Headers.TransferEncodingChunked = true;

        await (await Api.Client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Validation_errors_are_keyed_by_json_path_and_all_reported()
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", Therapist, new
        {
            conditionId = "no-such-condition",
            constraints = new { maxExercises = 40, precautions = new[] { "fallRisk", "bogus" }, romLimits = new[] { new { joint = "knee", motion = "flexion", maxDegrees = 400 } } },
            weeks = 0,
            followUp = new { email = "not-an-email", timeZone = "Mars/Olympus", reminderTime = "25:00", checkInEveryDays = 0 },
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[]
        {
            "patientId", "conditionId", "phase", "constraints.maxExercises", "constraints.precautions[1]", "constraints.romLimits[0]",
            "weeks", "followUp.email", "followUp.timeZone", "followUp.reminderTime", "followUp.checkInEveryDays",
        })
        {
            Assert.True(problem.ErrorsFor(field).Length > 0, $"no error for {field}: {problem}");
        }
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_names_its_field()
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", Therapist, new { patientId = "p-1", conditionId = "lateral-ankle-sprain", phase = "two" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("phase"));
    }

    [Fact]
    public async Task An_unknown_enum_value_names_its_field()
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", Therapist, new { patientId = "p-1", conditionId = "lateral-ankle-sprain", phase = 1, side = "middle" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("side"));
    }

    [Fact]
    public async Task An_unknown_field_is_refused_by_name()
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", Therapist, new { patientId = "p-1", conditionId = "lateral-ankle-sprain", phase = 1, colour = "blue" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("colour"));
    }

    [Fact]
    public async Task An_item_dose_outside_the_bounds_names_the_item_field()
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", Therapist, new
        {
            patientId = "p-1",
            conditionId = "lateral-ankle-sprain",
            phase = 1,
            items = new object[] { new { exerciseId = "ankle-pumps", dose = new { sets = 9, reps = 10 } }, new { exerciseId = "no-such-exercise" } },
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("items[0].dose.sets"));
        Assert.NotEmpty(problem.ErrorsFor("items[1].exerciseId"));
    }

    [Fact]
    public async Task Unknown_ids_are_404()
    {
        await (await Api.SendAsync(HttpMethod.Get, "/api/prescriptions/rx-00000000000000000000000000000000", Therapist)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Api.SendAsync(HttpMethod.Get, "/api/prescriptions/not-an-id", Therapist)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Api.SendAsync(HttpMethod.Get, "/api/exercises/no-such-exercise", Therapist)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Api.SendAsync(HttpMethod.Get, "/api/conditions/no-such-condition", Therapist)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_query_values_are_400_naming_the_parameter()
    {
        var problem = await (await Api.SendAsync(HttpMethod.Get, "/api/exercises?pageSize=500&category=dancing", Therapist)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.ErrorsFor("pageSize").Length + problem.ErrorsFor("category").Length > 0);
        var token = await (await Api.SendAsync(HttpMethod.Get, "/api/exercises?continuationToken=garbage!", Therapist)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(token.ErrorsFor("continuationToken"));
    }

    [Fact]
    public async Task The_correlation_id_is_echoed_or_created()
    {
        using var request = ApiHost.Request(HttpMethod.Get, "/api/health");
        request.Headers.Add("x-correlation-id", "portal-1234");
        var echoed = await Api.Client.SendAsync(request);
        var created = await Api.SendAsync(HttpMethod.Get, "/api/health");
        using var unsafeRequest = ApiHost.Request(HttpMethod.Get, "/api/health");
        unsafeRequest.Headers.TryAddWithoutValidation("x-correlation-id", "bad id with spaces");
        var replaced = await Api.Client.SendAsync(unsafeRequest);

        Assert.Equal("portal-1234", echoed.Headers.GetValues("x-correlation-id").Single());
        Assert.Matches("^[0-9a-f]{32}$", created.Headers.GetValues("x-correlation-id").Single());
        Assert.Matches("^[0-9a-f]{32}$", replaced.Headers.GetValues("x-correlation-id").Single());
    }

    private async Task<int> CountRowsAsync()
    {
        var table = new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient("prescriptions");
        await table.CreateIfNotExistsAsync();
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            count++;
        }

        return count;
    }
}
