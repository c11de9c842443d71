using Microsoft.Extensions.Time.Testing;
using Prescriptions.Application.FollowUps;
using Prescriptions.Application.Outcomes;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Application.Tests.Fakes;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Testing;

using static Prescriptions.Application.Tests.Fakes.Given;

namespace Prescriptions.Application.Tests;

/// <summary>The prescription and check-in use cases against in-memory ports: no storage, no HTTP.</summary>
public sealed class PrescriptionServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly FakeTimeProvider clock;
    private readonly InMemoryPrescriptions repository;
    private readonly InMemoryFollowUps followUps;
    private readonly PrescriptionService service;
    private readonly CheckInService checkIns;
    private readonly CheckInLinks links;

    public PrescriptionServiceTests()
    {
        var useCases = new UseCases();
        (clock, repository, followUps) = (useCases.Clock, useCases.Repository, useCases.FollowUps);
        (service, checkIns, links) = (useCases.Prescriptions, useCases.CheckIns, useCases.Links);
    }

    private static PrescriptionDraft Draft(FollowUp? followUp = null) => AnkleDraft(followUp);

    private async Task<Versioned<Prescription>> CreateAsync(FollowUp? followUp = null) =>
        (await service.CreateAsync(Draft(followUp), null, ShippedLibrary.Indexed, null, Therapist, None)).Value!.Stored;

    [Fact]
    public async Task Create_stores_a_draft_with_its_audit_entry_and_event()
    {
        var created = await service.CreateAsync(Draft(), null, ShippedLibrary.Indexed, null, Therapist, None);

        var stored = created.Value!.Stored.Value;
        Assert.False(created.Value.Replayed);
        Assert.Equal((PrescriptionStatus.Draft, 1, "therapist-1"), (stored.Status, stored.Version, stored.CreatedBy));
        Assert.NotEmpty(stored.Items);
        Assert.Equal(SessionLength.Minutes(stored.Items), stored.EstimatedMinutesPerSession);
        var audit = Assert.Single(repository.Audit);
        Assert.Equal(("created", "portal, correlation id corr-1"), (audit.Action, audit.Source));
        Assert.Equal(EventTypes.Created, Assert.Single(repository.Events).Type);
    }

    [Fact]
    public async Task The_same_key_replays_the_first_answer_and_another_request_with_it_is_refused()
    {
        var claim = new IdempotencyClaim("key-1", "hash-1");
        var first = await service.CreateAsync(Draft(), null, ShippedLibrary.Indexed, claim, Therapist, None);
        var again = await service.CreateAsync(Draft(), null, ShippedLibrary.Indexed, claim, Therapist, None);
        var other = await service.CreateAsync(Draft(), null, ShippedLibrary.Indexed, claim with { Fingerprint = "hash-2" }, Therapist, None);

        Assert.True(again.Value!.Replayed);
        Assert.Equal(first.Value!.Stored.Value.Id, again.Value.Stored.Value.Id);
        Assert.Equal(FailureKind.RuleViolation, other.Failure!.Kind);
        Assert.Contains(IdempotencyClaim.Field, other.Failure.Errors.Keys);
        Assert.Single(repository.Audit);
    }

    [Fact]
    public async Task A_proposed_item_that_breaks_a_rule_is_refused_and_nothing_is_stored()
    {
        var unknown = new ProposedItem("no-such-exercise", null, null);

        var created = await service.CreateAsync(Draft(), [unknown], ShippedLibrary.Indexed, null, Therapist, None);

        Assert.False(created.Succeeded);
        Assert.Contains(created.Failure!.Kind, new[] { FailureKind.Validation, FailureKind.RuleViolation });
        Assert.Empty(repository.Audit);
    }

    [Fact]
    public async Task Another_clinics_prescription_and_a_malformed_id_are_not_found()
    {
        var stored = await CreateAsync();

        Assert.Equal(FailureKind.NotFound, (await service.FindAsync(["clinic-b"], stored.Value.Id, None)).Failure!.Kind);
        Assert.Equal(FailureKind.NotFound, (await service.FindAsync(ClinicA, "../etc", None)).Failure!.Kind);
        Assert.True((await service.FindAsync(ClinicA, stored.Value.Id, None)).Succeeded);
    }

    [Fact]
    public async Task The_guard_refuses_a_stale_version_then_an_illegal_transition()
    {
        var stored = await CreateAsync();

        var stale = await service.TransitionAsync(ClinicA, stored.Value.Id, "W/\"old\"", LifecycleAction.Activate, Therapist, None);
        var completeDraft = await service.TransitionAsync(ClinicA, stored.Value.Id, stored.ETag, LifecycleAction.Complete, Therapist, None);

        Assert.Equal(FailureKind.StaleVersion, stale.Failure!.Kind);
        Assert.Equal((FailureKind.Conflict, "A draft prescription cannot complete."), (completeDraft.Failure!.Kind, completeDraft.Failure.Detail));
    }

    [Fact]
    public async Task Activation_starts_the_phase_and_a_write_that_lost_the_race_is_a_stale_version()
    {
        var stored = await CreateAsync();
        var activated = await service.TransitionAsync(ClinicA, stored.Value.Id, "*", LifecycleAction.Activate, Therapist, None);
        Assert.Equal((PrescriptionStatus.Active, clock.GetUtcNow()), (activated.Value!.Value.Status, activated.Value.Value.PhaseStartedAt));
        Assert.Equal(EventTypes.Activated, repository.Events[^1].Type);

        repository.Touch("clinic-a", stored.Value.Id);
        var replaced = await service.ReplaceAsync(activated.Value, new PrescriptionReplacement([], null, null, null, null), ShippedLibrary.Indexed, Therapist, None);
        Assert.Equal(FailureKind.StaleVersion, replaced.Failure!.Kind);
    }

    [Fact]
    public async Task Cancelled_prescriptions_cannot_be_changed()
    {
        var stored = await CreateAsync();
        var cancelled = await service.TransitionAsync(ClinicA, stored.Value.Id, stored.ETag, LifecycleAction.Cancel, Therapist, None);

        var changed = await service.FindChangeableAsync(ClinicA, stored.Value.Id, cancelled.Value!.ETag, LifecycleAction.Update, None);

        Assert.Equal((FailureKind.Conflict, "A cancelled prescription cannot be changed."), (changed.Failure!.Kind, changed.Failure.Detail));
    }

    [Fact]
    public async Task Advance_needs_met_criteria_or_an_override_with_a_reason()
    {
        var stored = await CreateAsync();

        var noReason = await service.AdvanceAsync(ClinicA, stored.Value.Id, stored.ETag, byOverride: true, " ", Therapist, None);
        var unmet = await service.AdvanceAsync(ClinicA, stored.Value.Id, stored.ETag, byOverride: false, null, Therapist, None);
        var forced = await service.AdvanceAsync(ClinicA, stored.Value.Id, stored.ETag, byOverride: true, "clinical judgement", Therapist, None);

        Assert.Equal(FailureKind.Validation, noReason.Failure!.Kind);
        Assert.Equal(FailureKind.Conflict, unmet.Failure!.Kind);
        Assert.NotEmpty(unmet.Failure.Errors);
        Assert.Equal(3, forced.Value!.Value.Phase);
        Assert.Contains("Reason: clinical judgement", repository.Audit[^1].Summary, StringComparison.Ordinal);
        Assert.Equal(EventTypes.PhaseAdvanced, repository.Events[^1].Type);
    }

    [Fact]
    public async Task Stepping_an_item_that_is_not_prescribed_is_not_found()
    {
        var stored = await CreateAsync();

        var step = await service.StepItemAsync(ClinicA, stored.Value.Id, stored.ETag, "no-such-exercise", ProgressionDirection.Progress, Therapist, None);

        Assert.Equal(FailureKind.NotFound, step.Failure!.Kind);
    }

    [Fact]
    public async Task Measurements_are_checked_then_recorded_with_an_audit_entry()
    {
        var stored = await CreateAsync();

        var refused = await service.RecordMeasurementAsync(ClinicA, stored.Value.Id, new MeasurementInput("Knee Flexion", double.NaN, "", clock.GetUtcNow().AddHours(1)), Therapist, None);
        var recorded = await service.RecordMeasurementAsync(ClinicA, stored.Value.Id, new MeasurementInput("kneeFlexionDegrees", 118, "degrees", null), Therapist, None);

        Assert.Equal(["measure", "value", "unit", "recordedAt"], refused.Failure!.Errors.Keys);
        Assert.Equal((118.0, clock.GetUtcNow(), "therapist-1"), (recorded.Value!.Value, recorded.Value.RecordedAt, recorded.Value.RecordedBy));
        Assert.Equal(("measurementRecorded", "correlation id corr-1"), (repository.Audit[^1].Action, repository.Audit[^1].Source));
    }

    [Fact]
    public async Task A_check_in_raises_pain_alerts_with_events_and_schedules_the_next_watch()
    {
        var stored = await CreateAsync(new FollowUp("pat@example.com", "Europe/Oslo", new TimeOnly(8, 0), 7));
        var active = (await service.TransitionAsync(ClinicA, stored.Value.Id, stored.ETag, LifecycleAction.Activate, Therapist, None)).Value!;
        var checkIn = new CheckIn(new DateOnly(2027, 3, 1), 1, 8, 8, CheckInDifficulty.TooHard, clock.GetUtcNow());

        var replaced = await checkIns.RecordAsync(active.Value, checkIn, Actor.Patient("corr-2"), None);

        Assert.False(replaced);
        Assert.Contains(followUps.Alerts, a => a.Kind == AlertKind.HighPain);
        Assert.Contains(followUps.Events, e => e.Type == EventTypes.CheckInReceived);
        Assert.Contains(followUps.Events, e => e.Type == EventTypes.AlertRaised);
        Assert.Equal(("patient", "checkInReceived"), (followUps.Audit[^1].Subject, followUps.Audit[^1].Action));
        Assert.Contains(followUps.Scheduled, m => m.Message.Kind == FollowUpKind.CheckInWatch && m.Message.DueAt == checkIn.ReceivedAt.AddDays(10));
    }

    [Fact]
    public async Task Opting_out_stops_the_emails_once_and_keeps_the_opt_out_for_the_same_address()
    {
        var contact = new FollowUp("pat@example.com", "Europe/Oslo", new TimeOnly(8, 0), 7);
        var stored = await CreateAsync(contact);
        var active = (await service.TransitionAsync(ClinicA, stored.Value.Id, stored.ETag, LifecycleAction.Activate, Therapist, None)).Value!;

        Assert.True((await checkIns.OptOutAsync(active, Actor.Patient("corr-3"), None)).Value);
        var optedOut = (await service.FindAsync(ClinicA, stored.Value.Id, None)).Value!;
        Assert.False((await checkIns.OptOutAsync(optedOut, Actor.Patient("corr-4"), None)).Value);
        Assert.DoesNotContain(followUps.Scheduled, m => m.Message.Kind == FollowUpKind.ExerciseReminder && m.Message.DueAt > clock.GetUtcNow());

        var write = optedOut.Value.Replace(optedOut.Value.Constraints, null, null, contact with { Email = "PAT@example.com" }, new AssembledProgram
        {
            ConditionId = optedOut.Value.ConditionId, Phase = optedOut.Value.Phase, LibraryVersion = optedOut.Value.LibraryVersion, Items = optedOut.Value.Items, ClinicItems = [], EstimatedMinutesPerSession = 1, Warnings = [],
        }, Therapist, clock.GetUtcNow());
        Assert.NotNull(write.Prescription.FollowUp!.OptedOutAt);
    }

    [Fact]
    public async Task A_link_opens_its_running_programme_only()
    {
        var stored = await CreateAsync(new FollowUp("pat@example.com", "Europe/Oslo", new TimeOnly(8, 0), 7));
        var token = links.Issue("clinic-a", stored.Value.Id, clock.GetUtcNow());

        Assert.Equal(FailureKind.NotFound, (await checkIns.OpenAsync("forged", allowEnded: false, None)).Link.Failure!.Kind);
        Assert.Equal(FailureKind.Gone, (await checkIns.OpenAsync(token, allowEnded: false, None)).Link.Failure!.Kind);
        Assert.True((await checkIns.OpenAsync(token, allowEnded: true, None)).Link.Succeeded);

        await service.TransitionAsync(ClinicA, stored.Value.Id, stored.ETag, LifecycleAction.Activate, Therapist, None);
        Assert.True((await checkIns.OpenAsync(token, allowEnded: false, None)).Link.Succeeded);
        clock.Advance(TimeSpan.FromDays(22));
        Assert.Equal(FailureKind.Gone, (await checkIns.OpenAsync(token, allowEnded: true, None)).Link.Failure!.Kind);
    }

    [Fact]
    public async Task The_summary_lists_check_ins_newest_first_with_the_alerts()
    {
        var stored = await CreateAsync(new FollowUp("pat@example.com", "Europe/Oslo", new TimeOnly(8, 0), 7));
        var active = (await service.TransitionAsync(ClinicA, stored.Value.Id, stored.ETag, LifecycleAction.Activate, Therapist, None)).Value!.Value;
        clock.Advance(TimeSpan.FromDays(1));
        await checkIns.RecordAsync(active, new CheckIn(new DateOnly(2027, 3, 1), 1, 2, 2, CheckInDifficulty.Ok, clock.GetUtcNow()), Actor.Patient("c"), None);
        await checkIns.RecordAsync(active, new CheckIn(new DateOnly(2027, 3, 2), 1, 8, 8, CheckInDifficulty.TooHard, clock.GetUtcNow()), Actor.Patient("c"), None);

        var summary = await checkIns.SummaryAsync(active, None);

        Assert.Equal([new DateOnly(2027, 3, 2), new DateOnly(2027, 3, 1)], summary.CheckIns.Select(c => c.Date));
        Assert.Contains(summary.Alerts, a => a.Kind == AlertKind.HighPain);
    }

    [Fact]
    public async Task Queries_check_their_ids_and_stay_within_the_callers_clinics()
    {
        var stored = await CreateAsync();
        await service.CreateAsync(Draft() with { ClinicId = "clinic-b", ExternalId = "ehr-1" }, null, ShippedLibrary.Indexed, null, Therapist, None);

        Assert.Equal(FailureKind.Validation, (await service.ListForPatientAsync("clinic-a", "p 1", 10, null, None)).Failure!.Kind);
        Assert.Single((await service.ListForPatientAsync("clinic-a", "p-1", 10, null, None)).Value!.Items);
        Assert.Equal(FailureKind.Validation, (await service.FindByExternalIdAsync(ClinicA, "", None)).Failure!.Kind);
        Assert.Empty((await service.FindByExternalIdAsync(ClinicA, "ehr-1", None)).Value!);
        Assert.Single((await service.FindByExternalIdAsync(["clinic-a", "clinic-b"], "ehr-1", None)).Value!);
        Assert.Equal(FailureKind.NotFound, (await service.HistoryAsync(["clinic-b"], stored.Value.Id, 10, null, None)).Failure!.Kind);
        Assert.Equal("created", Assert.Single((await service.HistoryAsync(ClinicA, stored.Value.Id, 10, null, None)).Value!.Items).Action);
    }
}
