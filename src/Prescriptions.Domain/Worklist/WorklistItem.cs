using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Domain.Worklist;

/// <summary>A line of the clinic's worklist as the therapist reads it: the stored summary with the day's own figures.</summary>
public sealed record WorklistItem(
    string PrescriptionId,
    string PatientId,
    string? ExternalId,
    string PatientDisplayName,
    string ConditionId,
    string ConditionName,
    int Phase,
    string PhaseName,
    PrescriptionStatus Status,
    DateTimeOffset CreatedAt,
    int DaysInPhase,
    int? AdherencePercent,
    DateOnly? LastCheckInDate,
    int? LastPain,
    IReadOnlyList<AlertKind> OpenAlertKinds,
    WorklistReadiness Readiness,
    IReadOnlyList<AlertKind> AttentionReasons)
{
    /// <summary>The window of <see cref="AdherencePercent"/>: the last two weeks, today included.</summary>
    public const int AdherenceDays = 14;

    /// <summary>The summary read at <paramref name="now"/>: days in phase as readiness counts them, adherence over the last 14 days.</summary>
    public static WorklistItem Of(WorklistSummary summary, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var today = Adherence.LocalDate(now, summary.TimeZone);
        var adherence = Adherence.RecentPercent(summary.TrainingDaysPerWeek, summary.ProgramStart, summary.ProgramWeeks, summary.RecentSessions, today, AdherenceDays, summary.TrainingSessionsPerDay);
        return new WorklistItem(
            summary.PrescriptionId,
            summary.PatientId,
            summary.ExternalId,
            summary.PatientDisplayName,
            summary.ConditionId,
            summary.ConditionName,
            summary.Phase,
            summary.PhaseName,
            summary.Status,
            summary.CreatedAt,
            Math.Max(0, (int)Math.Floor((now - summary.PhaseStartedAt).TotalDays)),
            summary.Status == PrescriptionStatus.Active ? adherence : null,
            summary.LastCheckInDate,
            summary.LastPain,
            summary.OpenAlertKinds,
            summary.Readiness,
            summary.NeedsAttention ? summary.AttentionReasons : []);
    }
}
