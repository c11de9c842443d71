using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Prescriptions.LocalHost.Discovery;
using Prescriptions.LocalHost.Tests.Samples;
using Prescriptions.LocalHost.Tests.Support;

namespace Prescriptions.LocalHost.Tests;

/// <summary>The scheduler on a fake clock: "Tick" runs every 10 seconds from 2030-01-01T00:00:00Z.</summary>
public sealed class TimerSchedulerTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
    private readonly FakeTimeProvider clock = new(Start);
    private readonly TimerProbe probe = new();

    [Fact]
    public async Task A_due_timer_runs_with_schedule_status_and_the_stopping_token()
    {
        await using var host = await StartAsync(enabled: true);

        clock.Advance(TimeSpan.FromSeconds(10));
        await probe.WaitForFinishesAsync(1);
        clock.Advance(TimeSpan.FromSeconds(10));
        await probe.WaitForFinishesAsync(1);

        Assert.Equal(2, probe.Calls);
        var (first, second) = (probe.Runs[0], probe.Runs[1]);
        Assert.False(first.IsPastDue);
        Assert.Equal(DateTime.MinValue, first.ScheduleStatus!.Last);
        Assert.Equal(Start.AddSeconds(20).UtcDateTime, first.ScheduleStatus.Next);
        Assert.Equal(Start.AddSeconds(10).UtcDateTime, second.ScheduleStatus!.Last);
        Assert.Equal(Start.AddSeconds(30).UtcDateTime, second.ScheduleStatus.Next);

        Assert.False(probe.LastToken.IsCancellationRequested);
        await host.App.StopAsync();
        Assert.True(probe.LastToken.IsCancellationRequested);
    }

    [Fact]
    public async Task Nothing_runs_before_the_first_occurrence()
    {
        await using var host = await StartAsync(enabled: true);

        clock.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(Quiet);
        Assert.Equal(0, probe.Calls);

        clock.Advance(TimeSpan.FromSeconds(1));
        await probe.WaitForStartsAsync(1);
        Assert.Equal(1, probe.Calls);
    }

    [Fact]
    public async Task Occurrences_missed_during_a_long_run_collapse_into_one_past_due_run()
    {
        await using var host = await StartAsync(enabled: true);
        probe.Hold();

        clock.Advance(TimeSpan.FromSeconds(10));
        await probe.WaitForStartsAsync(1);
        clock.Advance(TimeSpan.FromSeconds(35));
        probe.Release();
        await probe.WaitForFinishesAsync(2);

        Assert.Equal(2, probe.Calls);
        Assert.True(probe.Runs[1].IsPastDue);
        Assert.Equal(Start.AddSeconds(50).UtcDateTime, probe.Runs[1].ScheduleStatus!.Next);
    }

    [Fact]
    public async Task A_failed_run_is_logged_and_the_schedule_goes_on()
    {
        probe.FailingCalls.Add(1);
        await using var host = await StartAsync(enabled: true);

        clock.Advance(TimeSpan.FromSeconds(10));
        await probe.WaitForFinishesAsync(1);
        clock.Advance(TimeSpan.FromSeconds(10));
        await probe.WaitForFinishesAsync(1);

        Assert.Equal(2, probe.Calls);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Error && e.Category == "Function.Tick" && e.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task Runs_of_one_timer_never_overlap()
    {
        await using var host = await StartAsync(enabled: true);
        probe.Hold();

        var manual = host.Scheduler.RunNowAsync("Tick", CancellationToken.None);
        await probe.WaitForStartsAsync(1);
        clock.Advance(TimeSpan.FromSeconds(10));
        var secondManual = host.Scheduler.RunNowAsync("Tick", CancellationToken.None);
        await Task.Delay(Quiet);

        Assert.Equal(1, probe.Calls);
        Assert.False(manual.IsCompleted);
        Assert.False(secondManual.IsCompleted);

        probe.Release();
        await Task.WhenAll(manual, secondManual).WaitAsync(TimeSpan.FromSeconds(10));
        await probe.WaitForFinishesAsync(3);

        Assert.Equal(3, probe.Calls);
        Assert.Equal(1, probe.MaxConcurrent);
    }

    [Fact]
    public async Task DisableTimers_keeps_scheduled_runs_off_but_registrations_stay()
    {
        await using var host = await StartAsync(enabled: false);

        clock.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(Quiet);

        Assert.False(host.Scheduler.Enabled);
        Assert.Equal(0, probe.Calls);
        Assert.Equal(["Nightly", "Tick"], host.Scheduler.Registrations.Select(r => r.Name));
    }

    [Fact]
    public async Task RunOnStartup_runs_once_when_the_host_starts()
    {
        await using var host = await StartAsync(enabled: true, typeof(StartupTimerFunction));

        await probe.WaitForFinishesAsync(1);

        Assert.Equal(1, probe.Calls);
        Assert.False(probe.Runs[0].IsPastDue);
    }

    [Fact]
    public async Task Registrations_carry_the_resolved_schedule()
    {
        await using var host = await StartAsync(enabled: false);

        var tick = host.Scheduler.Find("tick");

        Assert.NotNull(tick);
        Assert.Equal("%TickSchedule%", tick.Schedule.Expression);
        Assert.Equal("*/10 * * * * *", tick.Schedule.Resolved);
        Assert.Null(host.Scheduler.Find("GetItem"));
    }

    public void Dispose() => probe.Dispose();

    private Task<RunningHost> StartAsync(bool enabled, Type? functions = null) =>
        RunningHost.StartAsync(
            FunctionCatalog.FromTypes(functions ?? typeof(SampleTimerFunctions)),
            new Dictionary<string, string?>
            {
                ["LocalHost:DisableTimers"] = enabled ? "false" : "true",
                ["TickSchedule"] = "*/10 * * * * *",
            },
            builder => builder.Services.AddSingleton(probe).AddSingleton<TimeProvider>(clock));
}
