namespace Prescriptions.Domain.FollowUps;

public enum FollowUpKind
{
    Welcome,
    ExerciseReminder,
    CheckInRequest,
    PhaseReview,
    End,

    /// <summary>Not a message: checks that the patient has checked in lately, and raises an alert if not.</summary>
    CheckInWatch,
}
