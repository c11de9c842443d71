namespace Prescriptions.Domain.Lifecycle;

/// <summary>Why a therapist should look at a patient now.</summary>
public enum AlertKind
{
    /// <summary>Pain now or during exercise of 7/10 or more.</summary>
    HighPain,

    /// <summary>Pain 2 points or more above the previous check-in.</summary>
    PainRising,

    /// <summary>No check-in for the configured number of days.</summary>
    NoCheckIn,

    /// <summary>Every exit criterion of the phase is met and its minimum days have passed.</summary>
    ReadyToProgress,

    /// <summary>A message to the patient could not be sent after every attempt.</summary>
    DeliveryFailed,
}
