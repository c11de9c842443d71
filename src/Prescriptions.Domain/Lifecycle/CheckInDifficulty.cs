namespace Prescriptions.Domain.Lifecycle;

/// <summary>How the exercises felt to the patient.</summary>
public enum CheckInDifficulty
{
    Ok,
    TooEasy,
    TooHard,
}
