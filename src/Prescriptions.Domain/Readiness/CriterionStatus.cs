namespace Prescriptions.Domain.Readiness;

public enum CriterionStatus
{
    Met,
    NotMet,

    /// <summary>No recent evidence in the criterion's unit: nobody knows yet.</summary>
    Unknown,
}
