using System.Net;
using Prescriptions.Domain.Tenancy;
using Prescriptions.Functions.Http;
using Prescriptions.LocalHost.Discovery;

namespace Prescriptions.Functions.Tests;

/// <summary>Unknown routes and methods answer problem+json 404 / 405 (with Allow) and the correlation id; other paths stay the local host's.</summary>
[Collection(ApiCollection.Name)]
public sealed class UnknownRouteTests(ApiFixture fixture)
{
    private ApiHost Api => fixture.Host;

    [Fact]
    public async Task An_unknown_route_is_404_problem_json_with_the_correlation_id()
    {
        using var request = ApiHost.Request(HttpMethod.Get, "/api/nope");
        request.Headers.Add("x-correlation-id", "lost-1");

        var response = await Api.Client.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("lost-1", response.Headers.GetValues("x-correlation-id").Single());
        Assert.Equal("lost-1", problem.GetProperty("correlationId").GetString());
        Assert.Equal("/api/nope", problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task A_known_route_asked_with_another_method_is_405_with_allow()
    {
        var response = await Api.SendAsync(HttpMethod.Delete, "/api/library");

        var problem = await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["GET"], response.Content.Headers.Allow);
        Assert.Contains("DELETE", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_on_a_get_route_is_405_with_allow_and_no_body()
    {
        var response = await Api.SendAsync(HttpMethod.Head, "/api/library");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET"], response.Content.Headers.Allow);
        Assert.True(response.Headers.Contains("x-correlation-id"));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_405_lists_every_method_of_a_parameterised_route_and_needs_no_token()
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions/rx-0193a1f2c3d47e8f9a0b1c2d3e4f5a6b");

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["GET", "PUT"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Known_routes_still_answer_as_before()
    {
        var token = Api.Token(Roles.Therapist, "clinic-a");

        var library = await Api.SendAsync(HttpMethod.Get, "/api/library", token);
        var unauthenticated = await Api.SendAsync(HttpMethod.Get, "/api/library");

        Assert.Equal(HttpStatusCode.OK, library.StatusCode);
        await unauthenticated.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_path_outside_the_api_keeps_the_local_hosts_own_answer()
    {
        var response = await Api.SendAsync(HttpMethod.Get, "/portal/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("x-correlation-id"));
    }

    [Fact]
    public void The_route_table_knows_every_route_and_method_the_hosts_serve()
    {
        var functions = FunctionCatalog.ForFunctionApp().HttpFunctions.Where(f => f.Name != Prescriptions.Functions.Api.CatchAllFunction.Name).ToList();

        Assert.NotEmpty(functions);
        foreach (var function in functions)
        {
            var path = "/" + KnownRoutes.RoutePrefix + "/" + string.Join('/', function.Route.Split('/').Select(s => s.StartsWith('{') ? "x-1" : s));
            Assert.Equal(function.Methods!.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal), KnownRoutes.Current.MethodsOf(path).Intersect(function.Methods!.Select(m => m.ToUpperInvariant())).Order(StringComparer.Ordinal));
        }

        Assert.Empty(KnownRoutes.Current.MethodsOf("/api/nope"));
        Assert.Empty(KnownRoutes.Current.MethodsOf("/api/prescriptions/x/y/z/w/v"));
        Assert.Empty(KnownRoutes.Current.MethodsOf("/other/library"));
    }
}
