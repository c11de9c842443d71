using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Prescriptions.LocalHost;
using Xunit.Abstractions;

namespace Prescriptions.Functions.Tests;

/// <summary>
/// At the default level (appsettings.json: Information) the logs carry what an operator acts on: an idle host says
/// nothing, a delivery is one line, a client's bad token is not our error, and a wrong setting is one clear message.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class QuietLogsTests(ApiFixture fixture, ITestOutputHelper output)
{
    /// <summary>How long the idle host is watched; PRESCRIPTIONS_IDLE_LOG_SECONDS=60 checks the issue's full minute.</summary>
    private static readonly TimeSpan IdlePeriod = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("PRESCRIPTIONS_IDLE_LOG_SECONDS"), CultureInfo.InvariantCulture, out var seconds) ? seconds : 4);

    [Fact]
    public async Task An_idle_host_with_timers_firing_every_second_logs_nothing_at_the_default_level()
    {
        var logs = new ListLoggerProvider();
        await using var api = await StartAsync(logs, new Uri("https://partner.example.com/hooks"), "--LocalHost:DisableTimers=false",
            "--WebhookDeliverySchedule=* * * * * *", "--FollowUpSendSchedule=* * * * * *");
        // Start-up lines (each timer's schedule, at Information) are not idleness: watch from the sweeps' first runs on.
        var waited = Stopwatch.StartNew();
        while (!(logs.Entries.Any(e => e.Category.EndsWith(".DeliverWebhooksFunction", StringComparison.Ordinal))
            && logs.Entries.Any(e => e.Category.EndsWith(".SendFollowUpsFunction", StringComparison.Ordinal))) && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        var started = logs.Entries.Count;
        await Task.Delay(IdlePeriod);

        var idle = logs.Entries.Skip(started).ToArray();
        // The sweeps did run (their Debug lines reach this test's provider only), and said nothing louder.
        Assert.True(idle.Count(e => e.Category.EndsWith(".DeliverWebhooksFunction", StringComparison.Ordinal)) >= 2, Dump(idle));
        Assert.True(idle.Count(e => e.Category.EndsWith(".SendFollowUpsFunction", StringComparison.Ordinal)) >= 2, Dump(idle));
        Assert.True(idle.Where(FromTheSweeps).All(e => e.Level < LogLevel.Information), Dump(idle));
    }

    [Fact]
    public async Task A_delivery_logs_its_sweep_once_and_no_HttpClient_lines()
    {
        var logs = new ListLoggerProvider();
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 0);
        await using var api = await StartAsync(logs, receiver.Url);
        await WebhookDeliveryTests.CreateAndActivateAsync(api, "clinic-a");

        await WebhookDeliveryTests.RunDeliveryAsync(api);

        Assert.Equal(2, receiver.Received.Count);
        var loud = logs.Entries.Where(e => e.Level >= LogLevel.Information).ToArray();
        Assert.Single(loud, e => e.Message.StartsWith("Webhook sweep: 2 delivered", StringComparison.Ordinal));
        Assert.DoesNotContain(loud, e => e.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
        // Nor a line per storage call from the Azure SDK (its request and response lines are Information; the SDK's listener
        // is process-wide, so another test's client may add a warning of its own).
        Assert.DoesNotContain(loud, e => e.Category.StartsWith("Azure.", StringComparison.Ordinal) && e.Level == LogLevel.Information);
        Assert.False(api.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Azure.Identity").IsEnabled(LogLevel.Information));
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30")]
    [InlineData("eyJhbGciOiJSUzI1NiIsImtpZCI6Im5vIn0.eyJhdWQiOiJ4In0.c2ln")]
    public async Task A_malformed_bearer_token_is_the_clients_mistake_logged_below_error(string token)
    {
        var logs = new ListLoggerProvider();
        await using var api = await StartAsync(logs, new Uri("https://partner.example.com/hooks"));

        using var response = await api.SendAsync(HttpMethod.Get, "/api/conditions", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Message.StartsWith("Bearer token rejected", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        // IdentityModel writes through one process-wide logger (the first host's), so its filter is checked where it is set.
        var identityModel = api.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.IdentityModel.LoggingExtensions.IdentityLoggerAdapter");
        Assert.False(identityModel.IsEnabled(LogLevel.Error));
    }

    [Fact]
    public void A_wrong_webhook_configuration_stops_the_host_with_one_message_naming_each_setting()
    {
        var app = LocalFunctionsHost.Build(
        [
            "--environment=Production",
            "--PrescriptionsStorage:connectionString=UseDevelopmentStorage=true",
            "--Webhooks:Partners:ehr:AppId=no-such-app",
            "--Webhooks:Partners:ehr:Url=http://partner.example.com/hooks",
            "--Webhooks:Partners:ehr:Secret=whsec_c2hvcnQ=",
        ]);
        using var error = new StringWriter();

        var passed = StartupConfigurationCheck.Passes(app.Services, error);

        var message = error.ToString();
        output.WriteLine(message);
        Assert.False(passed);
        Assert.StartsWith("The app cannot start: ", message, StringComparison.Ordinal);
        Assert.Contains("Webhooks:Partners:ehr:Url must use https", message, StringComparison.Ordinal);
        Assert.Contains("Webhooks:Partners:ehr:Secret decodes to 5 bytes", message, StringComparison.Ordinal);
        Assert.Contains("Webhooks:Partners:ehr:AppId 'no-such-app' has no clinics", message, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\n\s+at ", message);
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_local_host_process_ends_on_a_wrong_webhook_configuration_with_only_that_message()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "Prescriptions.LocalHost.dll"), "--environment=Production", "--urls=http://127.0.0.1:0",
            "--PrescriptionsStorage:connectionString=UseDevelopmentStorage=true", "--Webhooks:Partners:ehr:AppId=no-such-app",
            "--Webhooks:Partners:ehr:Url=http://partner.example.com/hooks", "--Webhooks:Partners:ehr:Secret=whsec_c2hvcnQ="])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        var (written, errors) = (await stdout, await stderr);
        output.WriteLine(written);
        output.WriteLine(errors);

        Assert.Equal(StartupConfigurationCheck.InvalidConfigurationExitCode, process.ExitCode);
        Assert.StartsWith("The app cannot start: 3 setting(s) are invalid.", errors, StringComparison.Ordinal);
        Assert.Contains("Webhooks:Partners:ehr:Url", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", written + errors, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\n\s+at ", written + errors);
    }

    /// <summary>The default levels of appsettings.json, with this test's provider also hearing the app's own Debug lines.</summary>
    private Task<ApiHost> StartAsync(ListLoggerProvider logs, Uri partnerUrl, params string[] settings) => ApiHost.StartAsync(
        fixture.Azurite.ConnectionString,
        builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.AddFilter<ListLoggerProvider>("Prescriptions", LogLevel.Debug);
        },
        [
            "--Logging:LogLevel:Default=Information",
            $"--Prescriptions:TableName=quiet{Guid.NewGuid():N}",
            // A schedule of its own: other tests' due messages in the shared Azurite are not this host's to sweep.
            $"--FollowUps:TableName=quietfu{Guid.NewGuid():N}",
            $"--Webhooks:Partners:ehr-a:AppId={WebhookDeliveryTests.ClinicAPartnerApp}",
            $"--Webhooks:Partners:ehr-a:Url={partnerUrl}",
            $"--Webhooks:Partners:ehr-a:Secret={WebhookDeliveryTests.Secret}",
            "--Webhooks:RetriesPerSweep=0",
            .. settings,
        ]);

    /// <summary>The app's own lines (sweeps, timers, the outbox and follow-ups), HttpClient's and the resilience pipeline's.</summary>
    private static bool FromTheSweeps(ListLoggerProvider.Entry entry) =>
        entry.Category.StartsWith("Prescriptions.", StringComparison.Ordinal)
        || entry.Category.StartsWith("Function.", StringComparison.Ordinal)
        || entry.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal)
        || entry.Category.StartsWith("Polly", StringComparison.Ordinal);

    private static string Dump(IEnumerable<ListLoggerProvider.Entry> entries) =>
        string.Join(Environment.NewLine, entries.Select(e => $"{e.Level} {e.Category}: {e.Message}"));
}
