using System.Net;
using System.Net.Http.Headers;
using Prescriptions.Domain.Tenancy;

namespace Prescriptions.Functions.Tests;

[Collection(ApiCollection.Name)]
public sealed class ConcurrencyTests(ApiFixture fixture)
{
    private ApiHost Api => fixture.Host;

    private static readonly object Replacement = new
    {
        items = new object[] { new { exerciseId = "ankle-pumps" }, new { exerciseId = "seated-heel-raises", notes = "Slowly." } },
        weeks = 4,
    };

    [Fact]
    public async Task A_change_without_if_match_is_428_and_changes_nothing()
    {
        var (token, id, etag) = await CreateAsync();

        var response = await Api.SendAsync(HttpMethod.Put, $"/api/prescriptions/{id}", token, Replacement);

        await response.AssertProblemAsync((HttpStatusCode)428);
        var read = await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}", token);
        Assert.Equal(etag, read.Headers.ETag);
    }

    [Fact]
    public async Task A_change_with_the_current_etag_is_applied_and_gets_a_new_etag()
    {
        var (token, id, etag) = await CreateAsync();

        var response = await PutAsync(token, id, etag, Replacement);

        var body = await response.JsonAsync();
        Assert.NotEqual(etag, response.Headers.ETag);
        Assert.Equal(2, body.GetProperty("version").GetInt32());
        Assert.Equal(["ankle-pumps", "seated-heel-raises"], body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("exerciseId").GetString()));
        Assert.Equal(4, body.GetProperty("weeks").GetInt32());
    }

    [Fact]
    public async Task A_stale_etag_is_412()
    {
        var (token, id, etag) = await CreateAsync();
        (await PutAsync(token, id, etag, Replacement)).EnsureSuccessStatusCode();

        var stale = await PutAsync(token, id, etag, Replacement);

        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Two_writers_with_the_same_etag_never_both_win()
    {
        var (token, id, etag) = await CreateAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PutAsync(token, id, etag, Replacement)));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.PreconditionFailed, a.StatusCode));
        var read = await (await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}", token)).JsonAsync();
        Assert.Equal(2, read.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task An_unsafe_replacement_is_422_and_changes_nothing()
    {
        var (token, id, etag) = await CreateAsync();

        var response = await PutAsync(token, id, etag, new { items = new object[] { new { exerciseId = "side-to-side-line-hops" } } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.NotEmpty(problem.ErrorsFor("items[0]"));
        var read = await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}", token);
        Assert.Equal(etag, read.Headers.ETag);
    }

    [Fact]
    public async Task Another_clinic_cannot_change_it()
    {
        var (_, id, etag) = await CreateAsync();

        var response = await PutAsync(Api.Token(Roles.Therapist, "clinic-b"), id, etag, Replacement);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<(string Token, string Id, EntityTagHeaderValue ETag)> CreateAsync()
    {
        var token = Api.Token(Roles.Therapist, "clinic-a");
        var response = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", token, Requests.Create("p-concurrency", phase: 1));
        var body = await response.JsonAsync(HttpStatusCode.Created);
        return (token, body.GetProperty("id").GetString()!, response.Headers.ETag!);
    }

    private async Task<HttpResponseMessage> PutAsync(string token, string id, EntityTagHeaderValue etag, object body)
    {
        using var request = ApiHost.Request(HttpMethod.Put, $"/api/prescriptions/{id}", token, body);
        request.Headers.IfMatch.Add(etag);
        return await Api.Client.SendAsync(request);
    }
}
