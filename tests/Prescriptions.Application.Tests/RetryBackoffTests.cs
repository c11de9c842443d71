using Prescriptions.Application.Sweeps;

namespace Prescriptions.Application.Tests;

/// <summary>The one backoff of both sweeps (follow-up messages and webhook events).</summary>
public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(1, 0.0, 15)]
    [InlineData(1, 0.999999, 30)]
    [InlineData(3, 0.0, 60)]
    [InlineData(20, 0.999999, 3600)]
    public void Backoff_doubles_per_failure_with_jitter_and_a_cap(int failures, double random, int expectedSeconds)
    {
        var delay = RetryBackoff.Delay(failures, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), random);

        Assert.Equal(expectedSeconds, delay.TotalSeconds, 0.01);
    }
}
