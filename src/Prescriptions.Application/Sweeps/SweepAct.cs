namespace Prescriptions.Application.Sweeps;

/// <summary>
/// What acting on one claimed piece of work came to: an outcome, or a failure with the work as it now stands
/// (a webhook event remembers the partners that did acknowledge it) and why.
/// </summary>
public readonly record struct SweepAct<TWork>(SweepOutcome? Outcome, TWork? Failed, string? Error)
    where TWork : class;
