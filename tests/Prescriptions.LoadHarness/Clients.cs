using System.Diagnostics;

namespace Prescriptions.LoadHarness;

/// <summary>Runs a workload from many clients at once, by count or for a time.</summary>
internal static class Clients
{
    /// <summary><paramref name="clients"/> loops sharing <paramref name="total"/> iterations; the wall time.</summary>
    public static async Task<TimeSpan> RunCountAsync(int clients, int total, Func<int, Task> iteration)
    {
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                await iteration(i);
            }
        })));
        return watch.Elapsed;
    }

    /// <summary><paramref name="clients"/> loops running until <paramref name="duration"/> has passed; the wall time.</summary>
    public static async Task<TimeSpan> RunForAsync(int clients, TimeSpan duration, Func<int, Task> iteration)
    {
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (watch.Elapsed < duration)
            {
                await iteration(Interlocked.Increment(ref next));
            }
        })));
        return watch.Elapsed;
    }
}
