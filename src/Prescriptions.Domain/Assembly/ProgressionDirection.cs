namespace Prescriptions.Domain.Assembly;

public enum ProgressionDirection
{
    /// <summary>To the harder exercise of the chain (progressionId).</summary>
    Progress,

    /// <summary>To the easier exercise of the chain (regressionId).</summary>
    Regress,
}
