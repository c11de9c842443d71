using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Prescriptions.LocalHost.Discovery;
using Prescriptions.LocalHost.Invocation;

namespace Prescriptions.LocalHost.Timers;

/// <summary>Runs each <c>[TimerTrigger]</c> function on its NCRONTAB schedule, on the DI <see cref="TimeProvider"/> so tests can drive time.</summary>
public sealed class TimerScheduler : BackgroundService
{
    // Long waits are cut into pieces: Task.Delay has an upper bound, and clocks may be adjusted meanwhile.
    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);

    // A run later than this after its occurrence is reported as past due.
    private static readonly TimeSpan PastDueTolerance = TimeSpan.FromSeconds(1);

    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider time;
    private readonly ILoggerFactory loggers;
    private readonly ILogger logger;
    private readonly Dictionary<string, TimerRegistration> byName;
    private DateTimeOffset startedAt;

    public TimerScheduler(
        FunctionCatalog catalog,
        IConfiguration configuration,
        IServiceProviderIsService isService,
        IServiceScopeFactory scopes,
        TimeProvider time,
        IOptions<LocalHostOptions> options,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        this.scopes = scopes;
        this.time = time;
        this.loggers = loggers;
        logger = loggers.CreateLogger<TimerScheduler>();
        Enabled = !options.Value.DisableTimers;

        // Built here so a bad schedule or an unbindable parameter stops the host before it serves anything.
        Registrations = [.. catalog.TimerFunctions.Select(function => new TimerRegistration(
            function,
            TimerSchedule.Parse(function.Name, function.Schedule, configuration),
            new FunctionInvoker<TimerRun>(function.Method, TimerParameterBinders.Create(function, isService))))];
        byName = Registrations.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every timer function, whether or not scheduled runs are enabled.</summary>
    public IReadOnlyList<TimerRegistration> Registrations { get; }

    /// <summary><see langword="false"/> when <c>LocalHost:DisableTimers</c> is set: nothing runs on schedule.</summary>
    public bool Enabled { get; }

    public TimerRegistration? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>Runs the named timer function now and completes when the run has (waiting first if a run of it is under way).</summary>
    public Task RunNowAsync(string name, CancellationToken cancellationToken)
    {
        var registration = Find(name) ?? throw new KeyNotFoundException($"No timer function named '{name}'.");
        return RunAsync(registration, occurrence: null, cancellationToken);
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // The first occurrences are fixed before StartAsync returns (ExecuteAsync runs on another thread since .NET 10):
        // a test that advances a fake clock right after starting the host cannot race with the scheduler reading it.
        startedAt = time.GetUtcNow();
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            logger.LogInformation("Timer functions are not scheduled (LocalHost:DisableTimers); run them with POST /admin/functions/{{name}}.");
            return Task.CompletedTask;
        }

        return Task.WhenAll(Registrations.Select(r => RunScheduleAsync(r, r.Schedule.GetNextOccurrence(startedAt), stoppingToken)));
    }

    public override void Dispose()
    {
        foreach (var registration in Registrations)
        {
            registration.Dispose();
        }

        base.Dispose();
    }

    private async Task RunScheduleAsync(TimerRegistration registration, DateTimeOffset occurrence, CancellationToken stoppingToken)
    {
        logger.LogInformation("Timer function '{FunctionName}' scheduled '{Schedule}'; next run {Next:O}.", registration.Name, registration.Schedule.Resolved, occurrence);
        try
        {
            if (registration.Function.RunOnStartup)
            {
                await RunLoggedAsync(registration, occurrence: null, stoppingToken);
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                await DelayUntilAsync(occurrence, stoppingToken);
                await RunLoggedAsync(registration, occurrence, stoppingToken);
                occurrence = NextAfter(registration.Schedule, occurrence);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task DelayUntilAsync(DateTimeOffset occurrence, CancellationToken stoppingToken)
    {
        // Loop: a real timer may fire a little early, and long waits are split.
        for (var now = time.GetUtcNow(); now < occurrence; now = time.GetUtcNow())
        {
            var wait = occurrence - now;
            await Task.Delay(wait < MaxDelay ? wait : MaxDelay, time, stoppingToken);
        }
    }

    /// <summary>The next occurrence after a run; occurrences missed while the run was busy collapse into one past-due run.</summary>
    private DateTimeOffset NextAfter(TimerSchedule schedule, DateTimeOffset occurrence)
    {
        var now = time.GetUtcNow();
        var next = schedule.GetNextOccurrence(occurrence);
        for (var later = schedule.GetNextOccurrence(next); later <= now; later = schedule.GetNextOccurrence(later))
        {
            next = later;
        }

        return next;
    }

    private async Task RunLoggedAsync(TimerRegistration registration, DateTimeOffset? occurrence, CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(registration, occurrence, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A failed run is reported and the schedule goes on, as on the Functions host.
            loggers.CreateLogger($"Function.{registration.Name}").LogError(e, "Timer function '{FunctionName}' failed.", registration.Name);
        }
    }

    private async Task RunAsync(TimerRegistration registration, DateTimeOffset? occurrence, CancellationToken cancellationToken)
    {
        await registration.Running.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var info = new TimerInfo
            {
                IsPastDue = occurrence is { } due && now - due > PastDueTolerance,
                ScheduleStatus = new ScheduleStatus
                {
                    Last = registration.LastRun?.UtcDateTime ?? DateTime.MinValue,
                    Next = registration.Schedule.GetNextOccurrence(occurrence ?? now).UtcDateTime,
                    LastUpdated = now.UtcDateTime,
                },
            };

            await using var scope = scopes.CreateAsyncScope();
            try
            {
                await registration.Invoker.InvokeAsync(new TimerRun(info, cancellationToken), scope.ServiceProvider);
            }
            finally
            {
                registration.LastRun = occurrence ?? now;
            }
        }
        finally
        {
            registration.Running.Release();
        }
    }
}
