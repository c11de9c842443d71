using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Prescriptions.Domain.Tenancy;

namespace Prescriptions.Functions.Tests;

/// <summary>
/// If-Match is judged before the body on every route that takes it (RFC 9110 13.2.1): stale is 412 and missing is 428
/// whatever the body, weak tags never match (13.1.1, strong comparison), and <c>*</c> matches the current version.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PreconditionOrderTests(ApiFixture fixture)
{
    private ApiHost Api => fixture.Host;

    private string Therapist => Api.Token(Roles.Therapist, "clinic-a", "therapist-pre");

    public static TheoryData<string, string> IfMatchRoutes() => new()
    {
        { "PUT", "" },
        { "POST", "/activate" },
        { "POST", "/complete" },
        { "POST", "/cancel" },
        { "POST", "/advance" },
        { "POST", "/items/ankle-alphabet/progress" },
        { "POST", "/items/ankle-alphabet/regress" },
    };

    [Theory]
    [MemberData(nameof(IfMatchRoutes))]
    public async Task A_stale_if_match_is_412_whatever_the_body_and_its_content_type(string method, string suffix)
    {
        var (id, _) = await CreateAsync();

        var unparseable = await SendAsync(method, id, suffix, "\"stale\"", "{ not json", "text/plain");
        var invalid = await SendAsync(method, id, suffix, "\"stale\"", "{\"items\": 3, \"override\": \"maybe\"}", "application/json");

        await unparseable.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await invalid.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await AssertUnchangedAsync(id);
    }

    [Theory]
    [MemberData(nameof(IfMatchRoutes))]
    public async Task A_missing_if_match_is_428_before_the_body(string method, string suffix)
    {
        var (id, _) = await CreateAsync();

        var response = await SendAsync(method, id, suffix, null, "{ not json", "text/plain");

        await response.AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        await AssertUnchangedAsync(id);
    }

    [Theory]
    [MemberData(nameof(IfMatchRoutes))]
    public async Task The_current_etag_sent_as_a_weak_tag_is_412_as_strong_comparison_asks(string method, string suffix)
    {
        var (id, etag) = await CreateAsync();

        var response = await SendAsync(method, id, suffix, $"W/{etag.Tag}", "{}", "application/json");

        Assert.False(etag.IsWeak);
        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await AssertUnchangedAsync(id);
    }

    [Fact]
    public async Task A_stale_if_match_for_another_clinics_prescription_is_404_not_412()
    {
        var (id, _) = await CreateAsync();
        using var request = Request("POST", id, "/activate", "\"stale\"", null, null, Api.Token(Roles.Therapist, "clinic-b"));

        await (await Api.Client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_list_of_tags_matches_when_one_strong_tag_is_current_and_star_matches_any_current_version()
    {
        var (id, etag) = await CreateAsync();

        var listed = await SendAsync("POST", id, "/activate", $"\"other\", W/\"x\", {etag.Tag}", null, null);
        var star = await SendAsync("POST", id, "/complete", "*", null, null);

        Assert.Equal("active", (await listed.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal("completed", (await star.JsonAsync()).GetProperty("status").GetString());
        Assert.NotEqual(listed.Headers.ETag, star.Headers.ETag);
    }

    [Fact]
    public async Task Star_on_a_missing_prescription_is_404()
    {
        var response = await SendAsync("POST", "rx-00000000000000000000000000", "/activate", "*", null, null);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task With_a_current_if_match_an_invalid_body_is_400_before_the_status_rule()
    {
        var (id, etag) = await CreateAsync();
        var cancelled = await SendAsync("POST", id, "/cancel", etag.Tag, null, null);
        cancelled.EnsureSuccessStatusCode();

        var response = await SendAsync("PUT", id, "", cancelled.Headers.ETag!.Tag, "{\"weeks\": 900}", "application/json");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("weeks"));
    }

    private async Task<(string Id, EntityTagHeaderValue ETag)> CreateAsync()
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", Therapist, Requests.Create("p-preconditions"));
        return ((await response.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!, response.Headers.ETag!);
    }

    private async Task AssertUnchangedAsync(string id)
    {
        var read = await (await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}", Therapist)).JsonAsync();
        Assert.Equal(1, read.GetProperty("version").GetInt32());
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string id, string suffix, string? ifMatch, string? body, string? contentType)
    {
        using var request = Request(method, id, suffix, ifMatch, body, contentType, Therapist);
        return await Api.Client.SendAsync(request);
    }

    private static HttpRequestMessage Request(string method, string id, string suffix, string? ifMatch, string? body, string? contentType, string token)
    {
        var request = ApiHost.Request(new HttpMethod(method), $"/api/prescriptions/{id}{suffix}", token);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }

        return request;
    }
}
