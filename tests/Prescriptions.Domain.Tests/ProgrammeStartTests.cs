using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Domain.Tests;

/// <summary>
/// Issue 18's calendar defects: a programme activated before its start date starts on that date (phase, check-in days,
/// adherence), sessions per day count, and the days a patient may report are the last seven not yet reported.
/// </summary>
public sealed class ProgrammeStartTests
{
    private static readonly DateTimeOffset ActivatedOn29th = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly StartOn7th = new(2026, 12, 7);

    [Fact]
    public void Activating_before_the_start_date_starts_the_phase_on_that_date_in_the_patients_time_zone()
    {
        var draft = Draft(StartOn7th, sessionsPerDay: 1, daysPerWeek: 7);

        var active = draft.Transition(LifecycleAction.Activate, Actor.Patient("test"), ActivatedOn29th).Prescription;

        // Midnight of 7 December in Berlin is 23:00 UTC on the 6th.
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 23, 0, 0, TimeSpan.Zero), active.PhaseStartedAt);
        Assert.Equal(ActivatedOn29th, active.ActivatedAt);
    }

    [Fact]
    public void Activating_on_or_after_the_start_date_starts_the_phase_at_activation()
    {
        var draft = Draft(new DateOnly(2026, 11, 20), sessionsPerDay: 1, daysPerWeek: 7);

        Assert.Equal(ActivatedOn29th, draft.Transition(LifecycleAction.Activate, Actor.Patient("test"), ActivatedOn29th).Prescription.PhaseStartedAt);
    }

    [Fact]
    public void Before_the_start_date_the_check_in_window_offers_no_day()
    {
        var active = Activated(StartOn7th, 1, 7);

        var window = CheckInWindow.For(active, ActivatedOn29th, []);

        Assert.False(window.HasStarted);
        Assert.Equal(StartOn7th, window.FirstDay);
        Assert.Empty(window.Days);
        Assert.False(window.Allows(new DateOnly(2026, 11, 29)));
    }

    [Fact]
    public void The_window_offers_the_last_seven_days_from_the_start_that_are_not_yet_reported_newest_first()
    {
        var active = Activated(new DateOnly(2026, 11, 2), 1, 7);
        var now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
        var reported = new[] { new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 16) };

        var window = CheckInWindow.For(active, now, reported);

        Assert.Equal(
            [new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 18), new DateOnly(2026, 11, 17), new DateOnly(2026, 11, 15), new DateOnly(2026, 11, 14)],
            window.Days);
        Assert.Equal(new DateOnly(2026, 11, 14), window.Earliest);
        Assert.False(window.Allows(new DateOnly(2026, 11, 13)));
        Assert.True(window.Allows(new DateOnly(2026, 11, 19)));
    }

    [Fact]
    public void The_window_starts_no_earlier_than_the_programmes_first_day()
    {
        var active = Activated(new DateOnly(2026, 11, 18), 1, 7) with { ActivatedAt = new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero) };

        var window = CheckInWindow.For(active, new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero), []);

        Assert.Equal([new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 18)], window.Days);
    }

    [Fact]
    public void Adherence_counts_every_session_of_a_twice_a_day_programme()
    {
        var active = Activated(new DateOnly(2026, 11, 2), sessionsPerDay: 2, daysPerWeek: 7);

        var report = Adherence.Compute(active, [CheckIn(new DateOnly(2026, 11, 2), 1)], new DateOnly(2026, 11, 2));

        Assert.Equal((1, 2, (int?)50), (report.DoneSessions, report.PrescribedSessions, report.Percent));
    }

    [Fact]
    public void Readiness_evidence_of_adherence_counts_sessions_per_day()
    {
        var active = Activated(new DateOnly(2026, 11, 2), sessionsPerDay: 2, daysPerWeek: 7);
        var checkIns = Enumerable.Range(0, 14).Select(i => CheckIn(new DateOnly(2026, 11, 2).AddDays(i), 1)).ToList();

        var evidence = CheckInEvidence.From(active, checkIns, new DateTimeOffset(2026, 11, 15, 20, 0, 0, TimeSpan.Zero));

        Assert.Equal(50d, Assert.Single(evidence, e => e.Measure == CheckInEvidence.AdherencePercent).Value);
    }

    [Fact]
    public void Until_two_weeks_have_passed_adherence_says_in_words_why_it_is_not_known()
    {
        var active = Activated(new DateOnly(2026, 11, 2), 1, 7);

        Assert.Equal("Adherence is judged after two weeks of the programme; 5 days so far.",
            CheckInEvidence.AdherenceNotYetJudged(active, new DateTimeOffset(2026, 11, 6, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal("Adherence is judged after two weeks of the programme, which starts on 2026-12-07.",
            CheckInEvidence.AdherenceNotYetJudged(Activated(StartOn7th, 1, 7), ActivatedOn29th));
        Assert.Null(CheckInEvidence.AdherenceNotYetJudged(active, new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero)));
    }

    private static CheckIn CheckIn(DateOnly date, int sessions) =>
        new(date, sessions, 1, 1, CheckInDifficulty.Ok, new DateTimeOffset(date.ToDateTime(new TimeOnly(19, 0)), TimeSpan.Zero));

    /// <summary>Activated on its start day at 08:00 UTC, or on 29 November when it starts later.</summary>
    private static Prescription Activated(DateOnly start, int sessionsPerDay, int daysPerWeek)
    {
        var at = start > DateOnly.FromDateTime(ActivatedOn29th.UtcDateTime) ? ActivatedOn29th : new DateTimeOffset(start.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
        return Draft(start, sessionsPerDay, daysPerWeek).Transition(LifecycleAction.Activate, Actor.Patient("test"), at).Prescription;
    }

    private static Prescription Draft(DateOnly start, int sessionsPerDay, int daysPerWeek) =>
        FollowUpPlannerTests.Active(start, 4, daysPerWeek) with
        {
            Status = PrescriptionStatus.Draft,
            ActivatedAt = null,
            PhaseStartedAt = null,
            Items = [.. FollowUpPlannerTests.Active(start, 4, daysPerWeek).Items.Select(i => i with { Dose = i.Dose with { SessionsPerDay = sessionsPerDay } })],
        };
}
