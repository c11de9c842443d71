using Prescriptions.Domain.Tenancy;

namespace Prescriptions.Functions.Tests;

[Collection(ApiCollection.Name)]
public sealed class LibraryRouteTests(ApiFixture fixture)
{
    private ApiHost Api => fixture.Host;

    private string Reader => Api.Token(Roles.Partner, "clinic-a", "ehr-a");

    [Fact]
    public async Task Health_is_anonymous_and_reports_storage()
    {
        var body = await (await Api.SendAsync(HttpMethod.Get, "/api/health")).JsonAsync();

        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("reachable", body.GetProperty("storage").GetProperty("tables").GetString());
    }

    [Fact]
    public async Task The_library_summary_names_the_published_version()
    {
        var body = await (await Api.SendAsync(HttpMethod.Get, "/api/library", Reader)).JsonAsync();

        Assert.Equal(fixture.Library.Version, body.GetProperty("version").GetString());
        Assert.Equal(fixture.Library.ExerciseCount, body.GetProperty("exerciseCount").GetInt32());
        Assert.Equal(fixture.Library.ConditionCount, body.GetProperty("conditionCount").GetInt32());
        Assert.True(body.TryGetProperty("publishedAt", out _));
    }

    [Fact]
    public async Task Exercises_are_paged_with_continuation_tokens_until_the_end()
    {
        var ids = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var path = "/api/exercises?pageSize=40" + (token is null ? string.Empty : $"&continuationToken={Uri.EscapeDataString(token)}");
            var page = await (await Api.SendAsync(HttpMethod.Get, path, Reader)).JsonAsync();
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!));
            token = page.GetProperty("continuationToken").GetString();
            pages++;
        }
        while (token is not null);

        Assert.Equal(fixture.Library.ExerciseCount, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal((fixture.Library.ExerciseCount + 39) / 40, pages);
    }

    [Fact]
    public async Task Exercises_filter_by_category_region_difficulty_and_condition_phase()
    {
        var page = await (await Api.SendAsync(HttpMethod.Get, "/api/exercises?category=balance&bodyRegion=ankle&maxDifficulty=3&pageSize=200", Reader)).JsonAsync();
        var items = page.GetProperty("items").EnumerateArray().ToArray();

        Assert.NotEmpty(items);
        Assert.All(items, e =>
        {
            Assert.Equal("balance", e.GetProperty("category").GetString());
            Assert.Contains("ankle", e.GetProperty("bodyRegions").EnumerateArray().Select(r => r.GetString()));
            Assert.True(e.GetProperty("difficulty").GetInt32() <= 3);
        });

        var phaseOne = await (await Api.SendAsync(HttpMethod.Get, "/api/exercises?conditionId=total-knee-arthroplasty&phase=1&pageSize=200", Reader)).JsonAsync();
        Assert.All(phaseOne.GetProperty("items").EnumerateArray(), e => Assert.NotEqual("full", e.GetProperty("weightBearing").GetString()));
    }

    [Fact]
    public async Task An_exercise_reads_with_every_contract_field()
    {
        var exercise = await (await Api.SendAsync(HttpMethod.Get, "/api/exercises/ankle-pumps", Reader)).JsonAsync();

        foreach (var field in new[] { "id", "name", "summary", "instructions", "cues", "safety", "category", "bodyRegions", "equipment", "difficulty", "position", "weightBearing", "delivery", "cptCode", "defaultDose", "contraindications", "jointMotions", "media" })
        {
            Assert.True(exercise.TryGetProperty(field, out _), $"missing {field}");
        }
    }

    [Fact]
    public async Task Conditions_list_and_read_with_their_phases()
    {
        var list = await (await Api.SendAsync(HttpMethod.Get, "/api/conditions", Reader)).JsonAsync();
        var condition = await (await Api.SendAsync(HttpMethod.Get, "/api/conditions/lateral-ankle-sprain", Reader)).JsonAsync();

        Assert.Equal(fixture.Library.ConditionCount, list.GetProperty("items").GetArrayLength());
        var phases = condition.GetProperty("phases").EnumerateArray().ToArray();
        Assert.Equal(4, phases.Length);
        Assert.All(phases, phase =>
        {
            Assert.NotEmpty(phase.GetProperty("slots").EnumerateArray());
            Assert.NotEmpty(phase.GetProperty("exitCriteria").EnumerateArray());
            Assert.True(phase.TryGetProperty("precautions", out _));
        });
    }
}
