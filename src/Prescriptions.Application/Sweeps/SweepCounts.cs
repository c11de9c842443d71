namespace Prescriptions.Application.Sweeps;

/// <summary>How many pieces of work one sweep brought to each outcome.</summary>
public sealed class SweepCounts
{
    private readonly Dictionary<SweepOutcome, int> counts = [];

    public int this[SweepOutcome outcome] => counts.GetValueOrDefault(outcome);

    public void Add(SweepOutcome outcome) => counts[outcome] = this[outcome] + 1;
}
