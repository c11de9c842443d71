namespace Prescriptions.Portal.Library;

/// <summary>One exercise of a progression chain, easiest first; <see cref="IsCurrent"/> for the exercise whose page shows the chain.</summary>
public sealed record ChainLink(string Id, string Name, bool IsCurrent);
