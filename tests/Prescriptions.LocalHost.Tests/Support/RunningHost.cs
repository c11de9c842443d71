using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prescriptions.LocalHost.Discovery;
using Prescriptions.LocalHost.Timers;

namespace Prescriptions.LocalHost.Tests.Support;

/// <summary>The local host started on Kestrel at 127.0.0.1 on a free port, with an HttpClient pointed at it.</summary>
public sealed class RunningHost : IAsyncDisposable
{
    private RunningHost(WebApplication app, CapturedLogs logs)
    {
        App = app;
        Logs = logs;
        BaseAddress = app.GetBaseAddress();
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public CapturedLogs Logs { get; }

    public TimerScheduler Scheduler => App.Services.GetRequiredService<TimerScheduler>();

    /// <summary>
    /// Starts a host for <paramref name="catalog"/> (the function app's own functions when null). Timers are off unless
    /// <paramref name="settings"/> sets LocalHost:DisableTimers to false.
    /// </summary>
    public static async Task<RunningHost> StartAsync(
        FunctionCatalog? catalog = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var logs = new CapturedLogs();
        var app = Build(catalog, settings, builder =>
        {
            builder.Logging.ClearProviders().AddProvider(logs);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        return new RunningHost(app, logs);
    }

    /// <summary>Builds without starting, for tests of what fails at startup.</summary>
    public static WebApplication Build(
        FunctionCatalog? catalog = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null) =>
        LocalFunctionsHost.Build(["--urls=http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["LocalHost:DisableTimers"] = "true" });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            if (catalog is not null)
            {
                builder.UseFunctions(catalog);
            }

            configure?.Invoke(builder);
        });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
