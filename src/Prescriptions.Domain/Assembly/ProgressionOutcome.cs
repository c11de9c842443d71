namespace Prescriptions.Domain.Assembly;

public enum ProgressionOutcome
{
    Changed,

    /// <summary>The program has no item with that exercise.</summary>
    ItemNotFound,

    /// <summary>The exercise is the end of its chain in that direction, or the next one is already in the program.</summary>
    NoStep,

    /// <summary>The next exercise would break a hard rule.</summary>
    Unsafe,
}
