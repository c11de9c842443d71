using Microsoft.Azure.Functions.Worker;

namespace Prescriptions.LocalHost.Timers;

/// <summary>What a timer function's parameters are bound from.</summary>
internal sealed record TimerRun(TimerInfo Info, CancellationToken CancellationToken);
