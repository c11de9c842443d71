namespace Prescriptions.Application.Sweeps;

/// <summary>How a sweep treats its work: how much it reads, how long it holds a claim, how often and how patiently it retries.</summary>
public sealed record SweepSettings(int BatchSize, TimeSpan Lease, int MaxAttempts, TimeSpan BackoffBase, TimeSpan MaxBackoff)
{
    public static SweepSettings From(ISweepOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.BatchSize, options.Lease, options.MaxAttempts, options.BackoffBase, options.MaxBackoff);
    }
}
