using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Prescriptions.LocalHost.Discovery;
using Prescriptions.LocalHost.Tests.Samples;
using Prescriptions.LocalHost.Tests.Support;

namespace Prescriptions.LocalHost.Tests;

/// <summary><c>POST /admin/functions/{name}</c> with scheduled runs off (LocalHost:DisableTimers), as tests of other projects will use it.</summary>
public sealed class AdminRouteTests : IAsyncLifetime, IDisposable
{
    private readonly TimerProbe probe = new();
    private RunningHost host = null!;

    private const string MasterKey = "test-master-key-0123456789";

    public async Task InitializeAsync()
    {
        host = await RunningHost.StartAsync(
            FunctionCatalog.FromTypes(typeof(SampleTimerFunctions), typeof(SampleHttpFunctions)),
            new Dictionary<string, string?> { ["TickSchedule"] = "0 0 * * * *", ["LocalHost:MasterKey"] = MasterKey },
            builder => builder.Services.AddSingleton(probe).AddSingleton(new Greeter()));
        host.Client.DefaultRequestHeaders.Add("x-functions-key", MasterKey);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-key")]
    public async Task Without_the_master_key_nothing_runs_and_the_answer_is_401(string? key)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        using var response = await client.PostAsync("admin/functions/Tick", content: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, probe.Calls);
    }

    [Fact]
    public async Task Outside_development_without_a_configured_key_the_route_is_not_there()
    {
        await using var production = await RunningHost.StartAsync(
            FunctionCatalog.FromTypes(typeof(SampleTimerFunctions)),
            new Dictionary<string, string?> { ["TickSchedule"] = "0 0 * * * *" },
            builder => builder.Services.AddSingleton(probe));

        using var response = await production.Client.PostAsync("admin/functions/Tick", content: null);

        Assert.Equal("Production", production.App.Environment.EnvironmentName);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, probe.Calls);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    public void Dispose() => probe.Dispose();

    [Fact]
    public async Task Timer_function_runs_and_202_comes_after_the_run_completed()
    {
        probe.Hold();

        var call = host.Client.PostAsync("admin/functions/Tick", content: null);
        await probe.WaitForStartsAsync(1);
        var first = await Task.WhenAny(call, Task.Delay(200));
        Assert.True(first != call, first == call ? $"Answered while the run was held: {await DescribeAsync(call)}" : null);

        probe.Release();
        using var response = await call;

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, probe.Calls);
        Assert.False(probe.Runs[0].IsPastDue);
        Assert.False(host.Scheduler.Enabled);
    }

    [Fact]
    public async Task Function_names_are_case_insensitive()
    {
        using var response = await host.Client.PostAsync("admin/functions/nightly", content: null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, probe.Calls);
    }

    [Theory]
    [InlineData("NoSuchFunction")]
    [InlineData("GetItem")]
    public async Task Unknown_and_HTTP_function_names_are_404_problems(string name)
    {
        using var response = await host.Client.PostAsync($"admin/functions/{name}", content: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, probe.Calls);
    }

    [Fact]
    public async Task Only_POST_runs_a_function()
    {
        using var response = await host.Client.GetAsync("admin/functions/Tick");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(0, probe.Calls);
    }

    [Fact]
    public async Task A_failing_run_is_a_500_problem_without_internals()
    {
        probe.FailingCalls.Add(1);

        using var response = await host.Client.PostAsync("admin/functions/Tick", content: null);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("on purpose", body, StringComparison.Ordinal);
        Assert.Contains(host.Logs.Entries, e => e.Category == "Function.Tick" && e.Exception is InvalidOperationException);
    }

    private static async Task<string> DescribeAsync(Task<HttpResponseMessage> call)
    {
        try
        {
            using var response = await call;
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }
        catch (HttpRequestException e)
        {
            return e.ToString();
        }
    }
}
