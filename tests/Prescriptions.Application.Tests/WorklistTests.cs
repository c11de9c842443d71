using Prescriptions.Application.Prescriptions;
using Prescriptions.Application.Tests.Fakes;
using Prescriptions.Application.Worklist;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Patients;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Domain.Readiness;
using Prescriptions.Domain.Worklist;
using Prescriptions.Testing;

using static Prescriptions.Application.Tests.Fakes.Given;

namespace Prescriptions.Application.Tests;

/// <summary>The worklist's summary and attention rules against in-memory ports: each write keeps its line, the day's figures are the read's.</summary>
public sealed class WorklistTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly UseCases useCases = new();

    private async Task<Prescription> ActiveAsync(FollowUp? followUp = null)
    {
        var stored = (await useCases.Prescriptions.CreateAsync(AnkleDraft(followUp ?? Contact), null, ShippedLibrary.Indexed, null, Therapist, None)).Value!.Stored;
        return (await useCases.Prescriptions.TransitionAsync(ClinicA, stored.Value.Id, stored.ETag, LifecycleAction.Activate, Therapist, None)).Value!.Value;
    }

    private async Task<WorklistItem> LineAsync(string prescriptionId, WorklistFilter? filter = null) =>
        (await ListAsync(filter)).Single(i => i.PrescriptionId == prescriptionId);

    private async Task<IReadOnlyList<WorklistItem>> ListAsync(WorklistFilter? filter = null) =>
        (await useCases.Worklist.ListAsync("clinic-a", filter ?? WorklistFilter.All, 100, null, None)).Value!.Items;

    private Task<bool> CheckInAsync(Prescription prescription, int sessions, int pain, int daysAgo = 0)
    {
        var now = useCases.Clock.GetUtcNow();
        var day = Adherence.LocalDate(now, prescription).AddDays(-daysAgo);
        return useCases.CheckIns.RecordAsync(prescription, new CheckIn(day, sessions, pain, pain, CheckInDifficulty.Ok, now), Actor.Patient("corr-p"), None);
    }

    [Fact]
    public async Task A_created_prescription_is_on_the_worklist_with_the_protocols_names_and_the_patients_first_name()
    {
        var created = (await useCases.Prescriptions.CreateAsync(AnkleDraft(Contact), null, ShippedLibrary.Indexed, null, Therapist, None)).Value!.Stored.Value;
        var condition = ShippedLibrary.Indexed.FindCondition("lateral-ankle-sprain")!;

        var line = await LineAsync(created.Id);

        Assert.Equal(("p-1", "Kari", condition.Name, 2, condition.FindPhase(2)!.Name, PrescriptionStatus.Draft),
            (line.PatientId, line.PatientDisplayName, line.ConditionName, line.Phase, line.PhaseName, line.Status));
        Assert.Empty(line.AttentionReasons);
        Assert.Null(line.LastCheckInDate);
        Assert.Empty(await ListAsync(new WorklistFilter(null, true, null)));
    }

    [Fact]
    public async Task A_registered_patient_is_shown_by_name()
    {
        var patient = (await useCases.PatientService.RegisterAsync("clinic-a", new PatientDetails("Åse", "Nordmann") { Email = "ase@example.org" }, Therapist, None)).Value!.Value;
        var draft = AnkleDraft() with { PatientId = patient.Id };

        var created = (await useCases.Prescriptions.CreateAsync(draft, null, ShippedLibrary.Indexed, null, Therapist, None)).Value!.Stored.Value;

        Assert.Equal("Åse Nordmann", (await LineAsync(created.Id)).PatientDisplayName);
    }

    [Fact]
    public async Task The_display_name_is_the_first_name_else_the_ehr_id_else_the_patient_id()
    {
        var draft = (await useCases.Prescriptions.CreateAsync(AnkleDraft(), null, ShippedLibrary.Indexed, null, Therapist, None)).Value!.Stored.Value;

        Assert.Equal("Kari", WorklistSummary.DisplayName(draft with { FollowUp = Contact, ExternalId = "EHR-1" }));
        Assert.Equal("EHR-1", WorklistSummary.DisplayName(draft with { ExternalId = "EHR-1" }));
        Assert.Equal("p-1", WorklistSummary.DisplayName(draft));
    }

    [Fact]
    public async Task A_high_pain_check_in_needs_attention_until_acknowledged_and_a_new_alert_raises_it_again()
    {
        var active = await ActiveAsync();

        await CheckInAsync(active, sessions: 2, pain: 8);
        var attention = await ListAsync(new WorklistFilter(null, true, null));
        var line = Assert.Single(attention);
        Assert.Equal([AlertKind.HighPain], line.AttentionReasons);
        Assert.Equal((8, Adherence.LocalDate(useCases.Clock.GetUtcNow(), active)), (line.LastPain!.Value, line.LastCheckInDate!.Value));

        var alert = useCases.FollowUps.Alerts.Single(a => a.Kind == AlertKind.HighPain);
        await useCases.Alerts.AcknowledgeAsync(ClinicA, alert.Id, "Called.", Therapist, None);
        Assert.Empty(await ListAsync(new WorklistFilter(null, true, null)));
        Assert.Empty((await LineAsync(active.Id)).OpenAlertKinds);

        useCases.Clock.Advance(TimeSpan.FromDays(1));
        await CheckInAsync(active, sessions: 1, pain: 9);
        Assert.Equal([AlertKind.HighPain], Assert.Single(await ListAsync(new WorklistFilter(null, true, null))).AttentionReasons);
    }

    [Fact]
    public async Task The_sweeps_no_check_in_alert_puts_the_line_on_attention()
    {
        var active = await ActiveAsync();
        useCases.Clock.Advance(TimeSpan.FromDays(useCases.Options.NoCheckInAlertDays + 1));

        await useCases.Sweeper.SweepAsync(None);

        var line = Assert.Single(await ListAsync(new WorklistFilter(null, true, null)));
        Assert.Equal(active.Id, line.PrescriptionId);
        Assert.Contains(AlertKind.NoCheckIn, line.AttentionReasons);
    }

    [Fact]
    public async Task A_check_in_or_an_acknowledgement_that_loses_a_race_is_retried_on_what_is_stored_now()
    {
        var active = await ActiveAsync();
        useCases.FollowUps.RacesToLose = 1;

        await CheckInAsync(active, sessions: 1, pain: 8);
        var alert = Assert.Single(useCases.FollowUps.Alerts);
        useCases.FollowUps.RacesToLose = 2;
        var acknowledged = await useCases.Alerts.AcknowledgeAsync(ClinicA, alert.Id, null, Therapist, None);
        useCases.FollowUps.RacesToLose = 3;
        await Assert.ThrowsAsync<Ports.ConcurrencyConflictException>(() => CheckInAsync(active, sessions: 2, pain: 1));

        Assert.Single(useCases.FollowUps.CheckIns);
        Assert.Equal(AlertStatus.Acknowledged, acknowledged.Value!.Status);
        Assert.Empty(await ListAsync(new WorklistFilter(null, true, null)));
    }

    [Fact]
    public async Task Days_in_phase_and_adherence_are_the_reads_own_and_move_with_the_calendar()
    {
        var active = await ActiveAsync();
        var daysPerWeek = active.TrainingDaysPerWeek();
        await CheckInAsync(active, sessions: daysPerWeek, pain: 1);

        var today = await LineAsync(active.Id);
        useCases.Clock.Advance(TimeSpan.FromDays(6));
        var weekOne = await LineAsync(active.Id);
        useCases.Clock.Advance(TimeSpan.FromDays(7));
        var weekTwo = await LineAsync(active.Id);

        Assert.Equal((0, 6, 13), (today.DaysInPhase, weekOne.DaysInPhase, weekTwo.DaysInPhase));

        // The first week's sessions all reported; a week later, nothing written since, two weeks prescribed: half.
        Assert.Equal((100, 50), (weekOne.AdherencePercent!.Value, weekTwo.AdherencePercent!.Value));
    }

    [Fact]
    public async Task Activation_moves_the_line_from_the_draft_list_to_the_active_one_and_cancelling_ends_attention()
    {
        var active = await ActiveAsync();
        await CheckInAsync(active, sessions: 1, pain: 8);
        var stored = await useCases.Repository.FindAsync("clinic-a", active.Id, None);

        await useCases.Prescriptions.TransitionAsync(ClinicA, active.Id, stored!.ETag, LifecycleAction.Cancel, Therapist, None);

        Assert.Empty(await ListAsync(new WorklistFilter(PrescriptionStatus.Active, false, null)));
        Assert.Equal(active.Id, Assert.Single(await ListAsync(new WorklistFilter(PrescriptionStatus.Cancelled, false, null))).PrescriptionId);
        Assert.Empty(await ListAsync(new WorklistFilter(null, true, null)));
        Assert.Equal([AlertKind.HighPain], (await LineAsync(active.Id)).OpenAlertKinds);
    }

    [Fact]
    public async Task Attention_for_another_status_matches_nothing_and_a_bad_patient_id_is_refused()
    {
        var active = await ActiveAsync();
        await CheckInAsync(active, sessions: 1, pain: 8);

        var drafts = await useCases.Worklist.ListAsync("clinic-a", new WorklistFilter(PrescriptionStatus.Draft, true, null), 10, null, None);
        var badPatient = await useCases.Worklist.ListAsync("clinic-a", new WorklistFilter(null, false, "p/1"), 10, null, None);
        var otherClinic = await useCases.Worklist.ListAsync("clinic-b", WorklistFilter.All, 10, null, None);

        Assert.Empty(drafts.Value!.Items);
        Assert.Equal(["patientId"], badPatient.Failure!.Errors!.Keys);
        Assert.Empty(otherClinic.Value!.Items);
    }

    [Fact]
    public async Task A_measurement_that_meets_the_last_criterion_puts_the_line_on_attention_as_ready_to_progress()
    {
        var active = await ActiveAsync();
        useCases.Clock.Advance(TimeSpan.FromDays(13));
        await CheckInAsync(active, sessions: 21, pain: 1);
        await useCases.Prescriptions.RecordMeasurementAsync(ClinicA, active.Id, new MeasurementInput("ankleDorsiflexionDegrees", 18, "degrees", null), Therapist, None);
        var halfway = await LineAsync(active.Id);

        await useCases.Prescriptions.RecordMeasurementAsync(ClinicA, active.Id, new MeasurementInput("singleLegStanceSeconds", 35, "seconds", null), Therapist, None);

        Assert.Equal(WorklistReadiness.SomeUnknown, halfway.Readiness);
        Assert.Empty(halfway.AttentionReasons);
        var ready = Assert.Single(await ListAsync(new WorklistFilter(null, true, null)));
        Assert.Equal(WorklistReadiness.AllMet, ready.Readiness);
        Assert.Equal([AlertKind.ReadyToProgress], ready.AttentionReasons);
    }

    [Fact]
    public async Task Readiness_all_met_needs_attention_only_while_active()
    {
        var summary = WorklistSummary.From(await ActiveAsync(), "Ankle", "Phase 2", [], [], new ReadinessReport(2, true, 12, 10, []), useCases.Clock.GetUtcNow());
        var notYet = summary with { Readiness = WorklistReadiness.SomeUnknown };

        Assert.True(summary.NeedsAttention);
        Assert.Equal([AlertKind.ReadyToProgress], summary.AttentionReasons);
        Assert.False(notYet.NeedsAttention);
        Assert.False((summary with { Status = PrescriptionStatus.Completed }).NeedsAttention);
        Assert.Empty(WorklistItem.Of(summary with { Status = PrescriptionStatus.Completed }, useCases.Clock.GetUtcNow()).AttentionReasons);
    }

    [Theory]
    [InlineData(CriterionStatus.Met, CriterionStatus.Met, false, WorklistReadiness.NotMet)]
    [InlineData(CriterionStatus.Met, CriterionStatus.Unknown, false, WorklistReadiness.SomeUnknown)]
    [InlineData(CriterionStatus.NotMet, CriterionStatus.Unknown, false, WorklistReadiness.NotMet)]
    [InlineData(CriterionStatus.Met, CriterionStatus.Met, true, WorklistReadiness.AllMet)]
    public async Task Readiness_reads_as_all_met_some_unknown_or_not_met(CriterionStatus first, CriterionStatus second, bool ready, WorklistReadiness expected)
    {
        var criteria = new[] { first, second }.Select(status => new CriterionReadiness(
            new Domain.Library.Criterion("painDuringExercise", Domain.Library.Comparator.Lte, 3, "nrs"), status, "Test.")).ToArray();

        var summary = WorklistSummary.From(await ActiveAsync(), "Ankle", "Phase 2", [], [], new ReadinessReport(2, ready, 12, 10, criteria), useCases.Clock.GetUtcNow());

        Assert.Equal(expected, summary.Readiness);
    }

    [Fact]
    public async Task The_summary_keeps_four_weeks_of_check_ins_and_a_weeks_surplus_does_not_make_up_for_another()
    {
        var active = await ActiveAsync() with { ActivatedAt = useCases.Clock.GetUtcNow().AddDays(-40) };
        var today = Adherence.LocalDate(useCases.Clock.GetUtcNow(), active);
        var checkIns = new[] { 35, 20, 10, 3 }.Select(ago => new CheckIn(today.AddDays(-ago), 21, 1, 1, CheckInDifficulty.Ok, useCases.Clock.GetUtcNow())).ToList();

        var summary = WorklistSummary.From(active, "Ankle", "Phase 2", checkIns, [], new ReadinessReport(2, false, 40, 10, []), useCases.Clock.GetUtcNow());

        Assert.Equal([today.AddDays(-20), today.AddDays(-10), today.AddDays(-3)], summary.RecentSessions.Select(s => s.Date));
        var percent = Adherence.RecentPercent(3, today.AddDays(-20), null, [new SessionDay(today.AddDays(-3), 21)], today, 14);

        // The window is days -13..0: program week 1 (days -20..-14) lies before it, week 2 (-13..-7) has none of its 3 sessions,
        // week 3 (-6..0) its 3 and 18 more, which do not make up for week 2.
        Assert.Equal(50, percent);
    }
}
