using Microsoft.Azure.Functions.Worker;

namespace Prescriptions.LocalHost.Tests.Samples;

/// <summary>Timer functions written the way the function app writes them; runs are reported to the <see cref="TimerProbe"/>.</summary>
public sealed class SampleTimerFunctions(TimerProbe probe)
{
    /// <summary>The schedule comes from configuration, like <c>%SendFollowUpsSchedule%</c> in the app.</summary>
    [Function("Tick")]
    public Task Tick([TimerTrigger("%TickSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        probe.RunAsync(timer, cancellationToken);

    [Function("Nightly")]
    public Task Nightly([TimerTrigger("0 30 2 * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        probe.RunAsync(timer, cancellationToken);
}
