using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Prescriptions.LocalHost.Discovery;
using Prescriptions.LocalHost.Tests.Samples;
using Prescriptions.LocalHost.Tests.Support;

namespace Prescriptions.LocalHost.Tests;

/// <summary>Real HTTP against the local host on Kestrel, serving the sample functions under host.json's prefix "api".</summary>
public sealed class HttpFunctionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private RunningHost host = null!;

    public async Task InitializeAsync() =>
        host = await RunningHost.StartAsync(
            FunctionCatalog.FromTypes(typeof(SampleHttpFunctions)),
            configure: builder => builder.Services
                .AddSingleton(new Greeter())
                .AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public void Host_listens_on_loopback_with_a_real_port()
    {
        Assert.Equal("127.0.0.1", host.BaseAddress.Host);
        Assert.NotEqual(0, host.BaseAddress.Port);
    }

    [Fact]
    public async Task Route_value_is_converted_and_request_and_token_are_bound()
    {
        var answer = await host.Client.GetFromJsonAsync<ItemAnswer>("api/items/42");

        Assert.Equal(new ItemAnswer(42, "/api/items/42", TokenIsRequestAborted: true), answer);
    }

    [Fact]
    public async Task Several_route_values_and_the_body_reach_an_async_function()
    {
        var orderId = Guid.NewGuid();

        using var response = await host.Client.PostAsync($"api/orders/{orderId}/lines/7b", new StringContent("two boxes"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(new OrderLineAnswer(orderId, "7b", "POST", "two boxes"), await response.Content.ReadFromJsonAsync<OrderLineAnswer>());
    }

    [Fact]
    public async Task A_route_value_that_does_not_convert_is_a_400_problem()
    {
        using var response = await host.Client.GetAsync("api/items/forty-two");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("'id'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_method_the_trigger_does_not_list_is_405_from_routing()
    {
        using var response = await host.Client.DeleteAsync("api/items/42");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET", Assert.Single(response.Content.Headers.Allow));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task A_trigger_without_methods_or_route_answers_every_method_at_its_name(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "api/AnyMethod");
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(method, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Route_matching_ignores_case_like_the_functions_host()
    {
        using var response = await host.Client.GetAsync("API/anymethod");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_path_outside_every_route_is_404()
    {
        using var response = await host.Client.GetAsync("api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_route_without_the_prefix_is_404()
    {
        using var response = await host.Client.GetAsync("items/42");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("api/optional/5", "5")]
    [InlineData("api/optional", "none")]
    public async Task An_optional_route_value_binds_to_null_when_left_out(string path, string expected) =>
        // MVC writes a string ObjectResult as text/plain, as the worker does.
        Assert.Equal(expected, await host.Client.GetStringAsync(path));

    [Fact]
    public async Task A_route_constraint_that_fails_is_a_route_miss()
    {
        using var response = await host.Client.GetAsync("api/optional/five");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Constructor_and_parameter_services_come_from_DI()
    {
        var answer = await host.Client.GetFromJsonAsync<GreetAnswer>("api/greet/Ada");

        Assert.Equal(new GreetAnswer("Hello, Ada!", Now), answer);
    }

    [Theory]
    [InlineData("api/boom")]
    [InlineData("api/boom-async")]
    public async Task An_exception_is_a_500_problem_without_internals_and_is_logged(string path)
    {
        using var response = await host.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("secret", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
        Assert.Contains(host.Logs.Entries, e =>
            e.Level == LogLevel.Error
            && e.Category.StartsWith("Function.Throws", StringComparison.Ordinal)
            && e.Exception?.Message == SampleHttpFunctions.SecretMessage);
    }
}
