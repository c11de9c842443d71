namespace Prescriptions.Application.Sweeps;

/// <summary>The settings every sweep's options section carries (FollowUps, Webhooks).</summary>
public interface ISweepOptions
{
    int BatchSize { get; }
    TimeSpan Lease { get; }
    int MaxAttempts { get; }
    TimeSpan BackoffBase { get; }
    TimeSpan MaxBackoff { get; }
}
