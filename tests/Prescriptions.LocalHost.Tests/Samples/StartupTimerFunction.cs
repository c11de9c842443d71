using Microsoft.Azure.Functions.Worker;

namespace Prescriptions.LocalHost.Tests.Samples;

public sealed class StartupTimerFunction(TimerProbe probe)
{
    [Function("WarmUp")]
    public Task Run([TimerTrigger("0 0 0 1 1 *", RunOnStartup = true)] TimerInfo timer, CancellationToken cancellationToken) =>
        probe.RunAsync(timer, cancellationToken);
}
