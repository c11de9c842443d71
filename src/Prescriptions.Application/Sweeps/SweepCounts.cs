using System.Collections.Concurrent;

namespace Prescriptions.Application.Sweeps;

/// <summary>How many pieces of work one sweep brought to each outcome (added to from parallel work).</summary>
public sealed class SweepCounts
{
    private readonly ConcurrentDictionary<SweepOutcome, int> counts = [];

    public int this[SweepOutcome outcome] => counts.GetValueOrDefault(outcome);

    public void Add(SweepOutcome outcome) => counts.AddOrUpdate(outcome, 1, (_, count) => count + 1);
}
