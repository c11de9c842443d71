using System.Text.Json.Serialization;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Domain.Readiness;

namespace Prescriptions.Domain.Worklist;

/// <summary>
/// A prescription's line on the clinic's worklist as of its last write, stored beside it in the same transaction. Figures
/// that move with the calendar (days in phase, recent adherence) are not stored but computed when read
/// (<see cref="WorklistItem.Of"/>) from what is kept here: the last <see cref="KeptDays"/> days of check-ins, compactly.
/// </summary>
public sealed record WorklistSummary
{
    /// <summary>Enough days of check-ins for a <see cref="WorklistItem.AdherenceDays"/>-day window read up to two weeks after the last write.</summary>
    public const int KeptDays = 28;

    /// <summary>The alerts that put a prescription on the attention list (a failed email is the inbox's business, not the worklist's).</summary>
    public static IReadOnlyList<AlertKind> AttentionKinds { get; } = [AlertKind.HighPain, AlertKind.PainRising, AlertKind.NoCheckIn, AlertKind.ReadyToProgress];

    public required string PrescriptionId { get; init; }
    public required string ClinicId { get; init; }
    public required string PatientId { get; init; }
    public string? ExternalId { get; init; }
    public required string PatientDisplayName { get; init; }
    public required string ConditionId { get; init; }
    public required string ConditionName { get; init; }
    public required int Phase { get; init; }
    public required string PhaseName { get; init; }
    public required PrescriptionStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the current phase began (the creation while it has not).</summary>
    public required DateTimeOffset PhaseStartedAt { get; init; }

    /// <summary>The patient's time zone (UTC without a follow-up contact): their "today" for adherence.</summary>
    public string? TimeZone { get; init; }
    public required int TrainingDaysPerWeek { get; init; }

    /// <summary>Sessions expected on each training day (rows stored before it was kept read as one).</summary>
    public int TrainingSessionsPerDay { get; init; } = 1;
    public DateOnly? ProgramStart { get; init; }
    public int? ProgramWeeks { get; init; }
    public required IReadOnlyList<SessionDay> RecentSessions { get; init; }
    public DateOnly? LastCheckInDate { get; init; }

    /// <summary>The worse of pain now and during exercise at the last check-in (0-10).</summary>
    public int? LastPain { get; init; }
    public required IReadOnlyList<AlertKind> OpenAlertKinds { get; init; }
    public required WorklistReadiness Readiness { get; init; }

    /// <summary>Why a therapist should look now: the open alerts that call for it and, when the criteria are all met, readyToProgress.</summary>
    [JsonIgnore]
    public IReadOnlyList<AlertKind> AttentionReasons =>
        [.. AttentionKinds.Where(kind => OpenAlertKinds.Contains(kind) || (kind == AlertKind.ReadyToProgress && Readiness == WorklistReadiness.AllMet))];

    /// <summary>Only a running programme needs a therapist's attention.</summary>
    [JsonIgnore]
    public bool NeedsAttention => Status == PrescriptionStatus.Active && AttentionReasons.Count > 0;

    /// <summary>The summary of a prescription with its check-ins, its alerts (open ones count) and its readiness, as of <paramref name="now"/>.</summary>
    public static WorklistSummary From(Prescription prescription, string conditionName, string phaseName, IReadOnlyList<CheckIn> checkIns, IReadOnlyList<Alert> alerts, ReadinessReport readiness, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        ArgumentNullException.ThrowIfNull(checkIns);
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(readiness);
        var keptFrom = Adherence.LocalDate(now, prescription).AddDays(1 - KeptDays);
        var last = checkIns.MaxBy(c => c.Date);
        return new WorklistSummary
        {
            PrescriptionId = prescription.Id,
            ClinicId = prescription.ClinicId,
            PatientId = prescription.PatientId,
            ExternalId = prescription.ExternalId,
            PatientDisplayName = DisplayName(prescription),
            ConditionId = prescription.ConditionId,
            ConditionName = conditionName,
            Phase = prescription.Phase,
            PhaseName = phaseName,
            Status = prescription.Status,
            CreatedAt = prescription.CreatedAt,
            PhaseStartedAt = prescription.PhaseStartedAt ?? prescription.CreatedAt,
            TimeZone = prescription.FollowUp?.TimeZone,
            TrainingDaysPerWeek = prescription.TrainingDaysPerWeek(),
            TrainingSessionsPerDay = prescription.TrainingSessionsPerDay(),
            ProgramStart = Adherence.StartDate(prescription),
            ProgramWeeks = prescription.Weeks,
            RecentSessions = [.. checkIns.Where(c => c.Date >= keptFrom).OrderBy(c => c.Date).Select(c => new SessionDay(c.Date, c.CompletedSessions))],
            LastCheckInDate = last?.Date,
            LastPain = last?.WorstPain,
            OpenAlertKinds = [.. alerts.Where(a => a.Status == AlertStatus.Open).Select(a => a.Kind).Distinct().Order()],
            Readiness = ReadinessOf(readiness),
        };
    }

    /// <summary>
    /// How the worklist names the patient: the first name their emails greet them with, else the EHR's id, else the patient id.
    /// The one place to point at the registered patient once there is one.
    /// </summary>
    public static string DisplayName(Prescription prescription)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        return prescription.FollowUp?.FirstName is { Length: > 0 } firstName ? firstName : prescription.ExternalId ?? prescription.PatientId;
    }

    private static WorklistReadiness ReadinessOf(ReadinessReport report) =>
        report.Ready ? WorklistReadiness.AllMet
        : report.Criteria.Any(c => c.Status == CriterionStatus.NotMet) || report.Criteria.All(c => c.Status == CriterionStatus.Met) ? WorklistReadiness.NotMet
        : WorklistReadiness.SomeUnknown;
}
