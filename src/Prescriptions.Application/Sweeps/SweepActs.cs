namespace Prescriptions.Application.Sweeps;

/// <summary>Builds <see cref="SweepAct{TWork}"/> values.</summary>
public static class SweepActs
{
    public static SweepAct<TWork> Settled<TWork>(SweepOutcome outcome)
        where TWork : class => new(outcome, null, null);

    public static SweepAct<TWork> Failed<TWork>(TWork work, string error)
        where TWork : class => new(null, work, error);
}
