using System.Globalization;
using System.Text.RegularExpressions;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Readiness;

namespace Prescriptions.Domain.Prescriptions;

/// <summary>
/// The prescription's state changes. Each answers what one change stores, all or nothing: the new state, the audit
/// entry (who, when, what, from where) and the event for partners. Callers check <see cref="Allows"/> first.
/// </summary>
public sealed partial record Prescription
{
    /// <summary>A new prescription id: time-ordered, so ids sort roughly by creation.</summary>
    public static string NewId() => $"rx-{Guid.CreateVersion7():N}";

    /// <summary>Whether a text can be a prescription id at all (anything else is simply not found).</summary>
    public static bool IsWellFormedId(string? id) => id is not null && WellFormedId().IsMatch(id);

    /// <summary>Whether the status machine allows the action now.</summary>
    public bool Allows(LifecycleAction action) => PrescriptionLifecycle.IsAllowed(Status, action);

    /// <summary>A new draft holding the assembled (or reviewed) program.</summary>
    public static PrescriptionWrite Create(string id, PrescriptionDraft draft, AssembledProgram program, Actor actor, DateTimeOffset now, IdempotencyRecord? idempotency)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(actor);
        var created = new Prescription
        {
            Id = id,
            ClinicId = draft.ClinicId,
            PatientId = draft.PatientId,
            ConditionId = program.ConditionId,
            Phase = program.Phase,
            Side = draft.Request.Side,
            Status = PrescriptionStatus.Draft,
            Constraints = draft.Request.Constraints,
            OtherConditions = draft.Request.OtherConditions,
            Items = program.Items,
            EstimatedMinutesPerSession = program.EstimatedMinutesPerSession,
            LibraryVersion = program.LibraryVersion,
            StartDate = draft.StartDate,
            SurgeryDate = draft.Request.SurgeryDate,
            InjuryDate = draft.Request.InjuryDate,
            Weeks = draft.Weeks,
            ExternalId = draft.ExternalId,
            FollowUp = draft.FollowUp,
            CreatedAt = now,
            CreatedBy = actor.Subject,
            UpdatedAt = now,
            UpdatedBy = actor.Subject,
            Version = 1,
        }.WithProgram(program);
        return Write(null, created, EventTypes.Created, actor,
            $"Created for patient {created.PatientId}: {created.ConditionId} phase {created.Phase}, {created.Items.Count} home item(s)."
            + (program.UnmetEntryCriteria.Any() ? $" Entry criteria not met ({string.Join("; ", program.UnmetEntryCriteria.Select(c => c.Criterion.Description ?? c.Criterion.Measure))}); created by override. Reason: {draft.OverrideReason}" : string.Empty),
            idempotency);
    }

    /// <summary>Activate, complete or cancel.</summary>
    public PrescriptionWrite Transition(LifecycleAction action, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var changed = (this with
        {
            Status = PrescriptionLifecycle.StatusAfter(Status, action),
            PhaseStartedAt = action == LifecycleAction.Activate ? PhaseStartedAt ?? ProgrammeStartsAt(now) : PhaseStartedAt,
            ActivatedAt = action == LifecycleAction.Activate ? now : ActivatedAt,
        }).ChangedBy(actor.Subject, now);
        return Write(this, changed, PrescriptionLifecycle.EventType(action), actor,
            $"Status {Status.ToString().ToLowerInvariant()} -> {changed.Status.ToString().ToLowerInvariant()}.");
    }

    /// <summary>New items, doses and schedule. A patient's opt-out stands until the therapist gives another address.</summary>
    public PrescriptionWrite Replace(PatientConstraints constraints, DateOnly? startDate, int? weeks, FollowUp? followUp, AssembledProgram program, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (followUp is not null && FollowUp is { OptedOutAt: not null } before && string.Equals(before.Email, followUp.Email, StringComparison.OrdinalIgnoreCase))
        {
            followUp = followUp with { OptedOutAt = before.OptedOutAt };
        }

        var replaced = (this with { Constraints = constraints, StartDate = startDate, Weeks = weeks, FollowUp = followUp }).WithProgram(program).ChangedBy(actor.Subject, now);
        return Write(this, replaced, EventTypes.Updated, actor, "Items, doses and schedule replaced.");
    }

    /// <summary>The next phase's program; by the exit criteria or, with <paramref name="reason"/>, by override.</summary>
    public PrescriptionWrite Advance(AssembledProgram program, ReadinessReport readiness, string? reason, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(readiness);
        ArgumentNullException.ThrowIfNull(actor);
        var advanced = (this with { Phase = program.Phase, PhaseStartedAt = now }).WithProgram(program).ChangedBy(actor.Subject, now);
        var summary = readiness.Ready
            ? $"Advanced to phase {program.Phase}: every exit criterion of phase {Phase} met."
            : $"Advanced to phase {program.Phase} by override with {readiness.Unmet.Count()} criterion/criteria unmet. Reason: {reason}";
        return Write(this, advanced, EventTypes.PhaseAdvanced, actor, summary);
    }

    /// <summary>One item one step along its chain: <paramref name="items"/> are every item after the step (home and clinic).</summary>
    public PrescriptionWrite Step(IReadOnlyList<PrescriptionItem> items, string libraryVersion, string summary, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(actor);
        var home = items.Where(i => i.Delivery == Delivery.Home).ToArray();
        var changed = WithProgram(new AssembledProgram
        {
            ConditionId = ConditionId,
            Phase = Phase,
            LibraryVersion = libraryVersion,
            Items = home,
            ClinicItems = [.. items.Where(i => i.Delivery == Delivery.Clinic)],
            EstimatedMinutesPerSession = SessionLength.Minutes(home),
            Warnings = Warnings,
        }).ChangedBy(actor.Subject, now);
        return Write(this, changed, EventTypes.Updated, actor, summary);
    }

    /// <summary>The patient stops the emails; null when there is no contact or they opted out already.</summary>
    public PrescriptionWrite? OptOut(Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return FollowUp is { OptedOutAt: null } followUp
            ? Write(this, (this with { FollowUp = followUp with { OptedOutAt = now } }).ChangedBy(actor.Subject, now), EventTypes.Updated, actor, "The patient opted out of follow-up emails.")
            : null;
    }

    /// <summary>The audit entry of a therapist's measurement (the prescription itself does not change).</summary>
    public AuditEntry Measured(Measurement measurement, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        ArgumentNullException.ThrowIfNull(actor);
        return new AuditEntry(Id, now, actor.Subject, actor.Kind, "measurementRecorded",
            $"Recorded {Readiness.ReadingWords.Measure(measurement.Measure)}: {Readiness.ReadingWords.Reading(measurement.Value, measurement.Unit)}.", [], $"correlation id {actor.CorrelationId}", Version);
    }

    /// <summary>The audit entry of a patient's check-in (the prescription itself does not change).</summary>
    public AuditEntry CheckedIn(CheckIn checkIn, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        ArgumentNullException.ThrowIfNull(actor);
        return new AuditEntry(Id, checkIn.ReceivedAt, actor.Subject, actor.Kind, "checkInReceived",
            string.Create(CultureInfo.InvariantCulture,
                $"Check-in for {checkIn.Date:yyyy-MM-dd}: {checkIn.CompletedSessions} session(s), pain {checkIn.PainNow}/10 now and {checkIn.PainDuringExercise}/10 during exercise, {checkIn.Difficulty switch { CheckInDifficulty.TooEasy => "found it too easy", CheckInDifficulty.TooHard => "found it too hard", _ => "difficulty about right" }}."),
            [], actor.Source, Version);
    }

    private static PrescriptionWrite Write(Prescription? before, Prescription after, string eventType, Actor actor, string summary, IdempotencyRecord? idempotency = null)
    {
        var audit = new AuditEntry(after.Id, after.UpdatedAt, actor.Subject, actor.Kind, eventType["prescription.".Length..], summary,
            PrescriptionDiff.Compare(before, after), actor.Source, after.Version);
        return new PrescriptionWrite(after, audit, [PrescriptionEvents.Changed(after, eventType)], idempotency);
    }

    [GeneratedRegex("^rx-[0-9a-f]{32}$")]
    private static partial Regex WellFormedId();
}
