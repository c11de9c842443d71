using System.Collections.Concurrent;
using System.Diagnostics;

namespace Prescriptions.LoadHarness;

/// <summary>The latencies of one kind of request, and its failures, recorded from many clients at once.</summary>
internal sealed class Latencies(string name)
{
    private readonly ConcurrentBag<double> milliseconds = [];
    private int errors;

    public string Name { get; } = name;

    public int Count => milliseconds.Count;

    public int Errors => errors;

    public TimeSpan Elapsed { get; set; }

    public double Throughput => Elapsed > TimeSpan.Zero ? Count / Elapsed.TotalSeconds : 0;

    /// <summary>Times one request; <paramref name="request"/> answers whether it succeeded.</summary>
    public async Task TimeAsync(Func<Task<bool>> request)
    {
        var started = Stopwatch.GetTimestamp();
        bool succeeded;
        try
        {
            succeeded = await request();
        }
        catch (HttpRequestException)
        {
            succeeded = false;
        }

        milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (!succeeded)
        {
            Interlocked.Increment(ref errors);
        }
    }

    public double Percentile(double p)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public double Max => milliseconds.IsEmpty ? double.NaN : milliseconds.Max();
}
