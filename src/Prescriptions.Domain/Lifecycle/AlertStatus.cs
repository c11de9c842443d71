namespace Prescriptions.Domain.Lifecycle;

/// <summary>Whether a therapist has seen to an alert.</summary>
public enum AlertStatus
{
    Open,
    Acknowledged,
}
