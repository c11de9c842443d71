namespace Prescriptions.Domain.Worklist;

/// <summary>The phase's exit criteria at a glance, as the readiness route judges them.</summary>
public enum WorklistReadiness
{
    /// <summary>Every criterion met and the phase's minimum days passed: ready to review for the next phase.</summary>
    AllMet,

    /// <summary>None unmet, but some without recent evidence.</summary>
    SomeUnknown,

    /// <summary>A criterion not met, or the minimum days not yet passed.</summary>
    NotMet,
}
