using System.Globalization;

namespace Prescriptions.LoadHarness;

/// <summary>
/// The CPU time a child process has used, in all and in its runtime's tiered-compilation worker (the thread that
/// recompiles hot methods at higher tiers in the background), read from /proc. The worker is ended when idle and started
/// again when work comes, so its threads are sampled every <see cref="Interval"/> and each one's last figure is kept.
/// </summary>
internal sealed class ProcessCpu : IDisposable
{
    /// <summary>The name .NET gives the worker (".NET Tiered Compilation Worker", cut to Linux's 15 characters).</summary>
    private const string TierUpThread = ".NET Tiered Com";
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private static readonly double TicksPerSecond = 100; // USER_HZ, which Linux fixes at 100 for /proc's figures

    private readonly int processId;
    private readonly Dictionary<int, long> tierUpTicks = [];
    private readonly HashSet<int> otherThreads = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;

    public ProcessCpu(int processId)
    {
        this.processId = processId;
        Sample();
        sampling = Task.Run(SampleUntilStoppedAsync);
    }

    /// <summary>All the process's CPU time (user and system) so far.</summary>
    public TimeSpan Total => Ticks(File.ReadAllText($"/proc/{processId}/stat"));

    /// <summary>The CPU time its tiered-compilation workers have used so far (to the last sample).</summary>
    public TimeSpan TierUp
    {
        get
        {
            Sample();
            lock (tierUpTicks)
            {
                return TimeSpan.FromSeconds(tierUpTicks.Values.Sum() / TicksPerSecond);
            }
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        try
        {
            sampling.Wait();
        }
        catch (AggregateException exception) when (exception.InnerExceptions.All(e => e is OperationCanceledException))
        {
            // Stopped.
        }

        stop.Dispose();
    }

    private async Task SampleUntilStoppedAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stop.Token))
        {
            Sample();
        }
    }

    private void Sample()
    {
        lock (tierUpTicks)
        {
            try
            {
                foreach (var task in Directory.EnumerateDirectories($"/proc/{processId}/task"))
                {
                    var threadId = int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture);
                    if (otherThreads.Contains(threadId))
                    {
                        continue;
                    }

                    if (!tierUpTicks.ContainsKey(threadId) && !File.ReadAllText(Path.Combine(task, "comm")).StartsWith(TierUpThread, StringComparison.Ordinal))
                    {
                        otherThreads.Add(threadId);
                        continue;
                    }

                    tierUpTicks[threadId] = (long)(Ticks(File.ReadAllText(Path.Combine(task, "stat"))).TotalSeconds * TicksPerSecond);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A thread (or the process) ended while being read: its last sample stands.
            }
        }
    }

    /// <summary>utime + stime of a /proc stat line; the fields after the command name (which may hold spaces) are fixed.</summary>
    private static TimeSpan Ticks(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
