using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;

namespace Prescriptions.LocalHost.Tests.Samples;

/// <summary>Records the runs of the sample timer functions and lets a test hold a run open or make it fail.</summary>
public sealed class TimerProbe : IDisposable
{
    private readonly ConcurrentQueue<TimerInfo> runs = new();
    private readonly SemaphoreSlim started = new(0);
    private readonly SemaphoreSlim finished = new(0);
    private TaskCompletionSource gate = CompletedGate();
    private int current;
    private int maxConcurrent;
    private int calls;

    /// <summary>1-based call numbers that throw.</summary>
    public HashSet<int> FailingCalls { get; } = [];

    public IReadOnlyList<TimerInfo> Runs => [.. runs];

    public int MaxConcurrent => Volatile.Read(ref maxConcurrent);

    public int Calls => Volatile.Read(ref calls);

    public CancellationToken LastToken { get; private set; }

    /// <summary>Runs from now on wait until <see cref="Release"/>.</summary>
    public void Hold() => gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => gate.TrySetResult();

    public async Task RunAsync(TimerInfo timer, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref calls);
        var now = Interlocked.Increment(ref current);
        InterlockedMax(ref maxConcurrent, now);
        LastToken = cancellationToken;
        runs.Enqueue(timer);
        started.Release();
        try
        {
            await gate.Task.WaitAsync(cancellationToken);
            if (FailingCalls.Contains(call))
            {
                throw new InvalidOperationException($"Run {call} fails on purpose.");
            }
        }
        finally
        {
            Interlocked.Decrement(ref current);
            finished.Release();
        }
    }

    public async Task WaitForStartsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(await started.WaitAsync(TimeSpan.FromSeconds(10)), "A timer run did not start in time.");
        }
    }

    public async Task WaitForFinishesAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(await finished.WaitAsync(TimeSpan.FromSeconds(10)), "A timer run did not finish in time.");
        }
    }

    public void Dispose()
    {
        started.Dispose();
        finished.Dispose();
    }

    private static TaskCompletionSource CompletedGate()
    {
        var completed = new TaskCompletionSource();
        completed.SetResult();
        return completed;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}
