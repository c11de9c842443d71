using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Domain.Tests;

public sealed class FollowUpCheckInTests
{
    private static readonly DateTimeOffset Activated = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(6, 6, null, new AlertKind[0])]
    [InlineData(7, 2, null, new[] { AlertKind.HighPain })]
    [InlineData(2, 7, null, new[] { AlertKind.HighPain })]
    [InlineData(4, 3, 2, new[] { AlertKind.PainRising })]
    [InlineData(3, 3, 2, new AlertKind[0])]
    [InlineData(8, 8, 3, new[] { AlertKind.HighPain, AlertKind.PainRising })]
    public void Check_ins_raise_high_pain_at_seven_and_a_rise_of_two(int painNow, int painDuringExercise, int? previousPain, AlertKind[] expected)
    {
        var previous = previousPain is { } pain ? CheckIn(new DateOnly(2026, 11, 9), 3, pain, pain) : null;

        var alerts = CheckInAlerts.Evaluate("rx-1", CheckIn(new DateOnly(2026, 11, 10), 3, painNow, painDuringExercise), previous);

        Assert.Equal(expected, alerts.Select(a => a.Kind));
    }

    [Fact]
    public void An_alert_id_names_its_occasion()
    {
        var checkIn = CheckIn(new DateOnly(2026, 11, 10), 1, 9, 9);

        var first = CheckInAlerts.Evaluate("rx-1", checkIn, null).Single();
        var again = CheckInAlerts.Evaluate("rx-1", checkIn with { ReceivedAt = checkIn.ReceivedAt.AddHours(2) }, null).Single();
        var otherDay = CheckInAlerts.Evaluate("rx-1", checkIn with { Date = checkIn.Date.AddDays(1) }, null).Single();

        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Id, otherDay.Id);
    }

    [Fact]
    public void Adherence_counts_sessions_per_program_week_without_letting_a_good_week_hide_a_bad_one()
    {
        // Three days a week from Monday 2026-11-02; today is Wednesday of week 3.
        var prescription = Active(daysPerWeek: 3);
        var checkIns = new[]
        {
            CheckIn(new DateOnly(2026, 11, 4), 5, 2, 2),
            CheckIn(new DateOnly(2026, 11, 13), 1, 2, 2),
            CheckIn(new DateOnly(2026, 11, 17), 1, 2, 2),
        };

        var report = Adherence.Compute(prescription, checkIns, new DateOnly(2026, 11, 18));

        Assert.Equal([(1, 5, 3, (int?)100), (2, 1, 3, 33), (3, 1, 1, 100)], report.Weeks.Select(w => (w.Week, w.DoneSessions, w.PrescribedSessions, w.Percent)));
        Assert.Equal((7, 7), (report.DoneSessions, report.PrescribedSessions));
        Assert.Equal(71, report.Percent);
        Assert.Equal(3, report.RemoteMonitoring.DaysWithData);
        Assert.False(report.RemoteMonitoring.MeetsSixteenDayThreshold);
    }

    [Fact]
    public void Remote_monitoring_counts_distinct_days_with_data_in_the_last_thirty()
    {
        var prescription = Active(daysPerWeek: 7) with { ActivatedAt = Activated.AddDays(-40) };
        var today = new DateOnly(2026, 11, 30);
        var checkIns = Enumerable.Range(0, 20).Select(i => CheckIn(today.AddDays(-i * 2), 1, 1, 1)).ToArray();

        var monitoring = Adherence.Compute(prescription, checkIns, today).RemoteMonitoring;

        Assert.Equal(15, monitoring.DaysWithData);
        Assert.False(monitoring.MeetsSixteenDayThreshold);
        var daily = Enumerable.Range(0, 16).Select(i => CheckIn(today.AddDays(-i), 1, 1, 1)).ToArray();
        Assert.True(Adherence.Compute(prescription, daily, today).RemoteMonitoring.MeetsSixteenDayThreshold);
    }

    [Fact]
    public void Check_ins_are_readiness_evidence_for_pain_and_two_weeks_of_adherence()
    {
        var prescription = Active(daysPerWeek: 3);
        var checkIns = new[] { CheckIn(new DateOnly(2026, 11, 10), 3, 1, 2), CheckIn(new DateOnly(2026, 11, 15), 2, 0, 1) };

        var evidence = CheckInEvidence.From(prescription, checkIns, new DateTimeOffset(2026, 11, 16, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(2, evidence.Count(e => e.Measure == CheckInEvidence.PainDuringExercise && e.Unit == "nrs"));
        Assert.Equal(2, evidence.Count(e => e.Measure == CheckInEvidence.PainAtRest));
        var adherence = Assert.Single(evidence, e => e.Measure == CheckInEvidence.AdherencePercent);
        Assert.Equal((83d, "percent"), (adherence.Value, adherence.Unit));
        Assert.DoesNotContain(CheckInEvidence.From(prescription, checkIns, Activated.AddDays(5)), e => e.Measure == CheckInEvidence.AdherencePercent);
    }

    [Fact]
    public void An_opted_out_patient_gets_no_plan()
    {
        var prescription = Active(daysPerWeek: 3);
        Assert.NotEmpty(FollowUpPlanner.Plan(prescription, 14));

        Assert.Empty(FollowUpPlanner.Plan(prescription with { FollowUp = prescription.FollowUp! with { OptedOutAt = Activated.AddDays(1) } }, 14));
        Assert.Empty(FollowUpPlanner.Plan(prescription with { ActivatedAt = null }, 14));
    }

    private static CheckIn CheckIn(DateOnly date, int sessions, int painNow, int painDuringExercise) =>
        new(date, sessions, painNow, painDuringExercise, CheckInDifficulty.Ok, new DateTimeOffset(date.ToDateTime(new TimeOnly(19, 0)), TimeSpan.Zero));

    private static Prescription Active(int daysPerWeek) =>
        FollowUpPlannerTests.Active(DateOnly.FromDateTime(Activated.UtcDateTime), 1, daysPerWeek) with
        {
            StartDate = null,
            Weeks = null,
            FollowUp = new FollowUp("ana@example.org", "Etc/UTC", new TimeOnly(18, 0), 7),
            ActivatedAt = Activated,
            PhaseStartedAt = Activated,
        };
}
