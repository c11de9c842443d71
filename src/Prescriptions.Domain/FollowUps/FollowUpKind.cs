namespace Prescriptions.Domain.FollowUps;

public enum FollowUpKind
{
    Welcome,
    ExerciseReminder,
    CheckInRequest,
    PhaseReview,
    End,
}
