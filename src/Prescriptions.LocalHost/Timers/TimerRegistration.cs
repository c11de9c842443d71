using Prescriptions.LocalHost.Discovery;
using Prescriptions.LocalHost.Invocation;

namespace Prescriptions.LocalHost.Timers;

/// <summary>A timer function the scheduler runs: its parsed schedule, its invoker and the lock that keeps its runs from overlapping.</summary>
public sealed class TimerRegistration : IDisposable
{
    private readonly SemaphoreSlim running = new(1, 1);

    internal TimerRegistration(TimerFunctionDescriptor function, TimerSchedule schedule, FunctionInvoker<TimerRun> invoker)
    {
        Function = function;
        Schedule = schedule;
        Invoker = invoker;
    }

    public string Name => Function.Name;

    public TimerFunctionDescriptor Function { get; }

    public TimerSchedule Schedule { get; }

    /// <summary>The last occurrence that ran (scheduled or not); <see langword="null"/> before the first run.</summary>
    public DateTimeOffset? LastRun { get; internal set; }

    internal FunctionInvoker<TimerRun> Invoker { get; }

    /// <summary>Held for the whole of a run: one invocation of a given timer at a time, as with the Functions host's singleton lock.</summary>
    internal SemaphoreSlim Running => running;

    public void Dispose() => running.Dispose();
}
