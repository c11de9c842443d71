namespace Prescriptions.Application.Sweeps;

/// <summary>When failed work is due again: exponential in the failures, capped, with jitter so that work that failed together spreads out.</summary>
public static class RetryBackoff
{
    /// <param name="failures">Failed attempts so far (1 after the first).</param>
    /// <param name="baseDelay">The wait after the first failure.</param>
    /// <param name="maxDelay">The longest wait.</param>
    /// <param name="random">A number in [0, 1): the wait is between half and all of the exponential value.</param>
    public static TimeSpan Delay(int failures, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ticks = Math.Min(baseDelay.Ticks * Math.Pow(2, exponent), maxDelay.Ticks);
        return TimeSpan.FromTicks((long)(ticks * (0.5 + (random / 2))));
    }
}
