using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Domain.Tests;

public sealed class FollowUpPlannerTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void Reminders_keep_the_local_time_across_the_daylight_saving_change()
    {
        // Berlin moves from CET (+1) to CEST (+2) on 2027-03-28.
        var prescription = Active(new DateOnly(2027, 3, 25), weeks: 1, daysPerWeek: 7);

        var plan = FollowUpPlanner.Plan(prescription, phaseMinDays: 14, activatedAt: new DateTimeOffset(2027, 3, 25, 8, 0, 0, TimeSpan.Zero));

        var reminders = plan.Where(m => m.Kind == FollowUpKind.ExerciseReminder).ToArray();
        Assert.Equal(7, reminders.Length);
        Assert.All(reminders, r => Assert.Equal(new TimeOnly(18, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.DueAt, Berlin).DateTime)));
        Assert.Equal(new DateTimeOffset(2027, 3, 27, 17, 0, 0, TimeSpan.Zero), reminders.Single(r => r.LocalDate == new DateOnly(2027, 3, 27)).DueAt);
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 16, 0, 0, TimeSpan.Zero), reminders.Single(r => r.LocalDate == new DateOnly(2027, 3, 28)).DueAt);
    }

    [Fact]
    public void A_time_inside_the_spring_forward_gap_moves_forward_and_a_repeated_time_is_sent_once()
    {
        var gap = LocalTimes.ToInstant(new DateOnly(2027, 3, 28), new TimeOnly(2, 30), Berlin);
        var twice = LocalTimes.ToInstant(new DateOnly(2027, 10, 31), new TimeOnly(2, 30), Berlin);

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero), gap);
        Assert.Equal(new DateTimeOffset(2027, 10, 31, 0, 30, 0, TimeSpan.Zero), twice);
    }

    [Fact]
    public void The_plan_has_a_welcome_check_ins_a_phase_review_and_an_end()
    {
        var activatedAt = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
        var prescription = Active(new DateOnly(2026, 11, 24), weeks: 4, daysPerWeek: 3) with { PhaseStartedAt = activatedAt };

        var plan = FollowUpPlanner.Plan(prescription, phaseMinDays: 14, activatedAt);

        Assert.Equal(FollowUpKind.Welcome, plan[0].Kind);
        Assert.Equal(activatedAt, plan[0].DueAt);
        Assert.Equal(12, plan.Count(m => m.Kind == FollowUpKind.ExerciseReminder));
        Assert.Equal(
            [new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 15)],
            plan.Where(m => m.Kind == FollowUpKind.CheckInRequest).Select(m => m.LocalDate));
        Assert.Equal(new DateOnly(2026, 12, 8), plan.Single(m => m.Kind == FollowUpKind.PhaseReview).LocalDate);
        Assert.Equal(new DateOnly(2026, 12, 22), plan.Single(m => m.Kind == FollowUpKind.End).LocalDate);
        Assert.Equal(plan.Count, plan.Select(m => m.Id).Distinct().Count());
        Assert.Equal(plan.Select(m => m.Id), FollowUpPlanner.Plan(prescription, 14, activatedAt).Select(m => m.Id));
    }

    [Theory]
    [InlineData(1, new[] { 0 })]
    [InlineData(3, new[] { 0, 2, 4 })]
    [InlineData(5, new[] { 0, 1, 2, 4, 5 })]
    [InlineData(7, new[] { 0, 1, 2, 3, 4, 5, 6 })]
    public void Prescribed_days_are_spread_over_the_week(int daysPerWeek, int[] expected)
    {
        Assert.Equal(expected, FollowUpPlanner.SpreadOverWeek(daysPerWeek).Order());
    }

    [Fact]
    public void Nothing_is_planned_without_a_contact_or_before_activation()
    {
        var active = Active(new DateOnly(2026, 11, 24), 2, 3);

        Assert.Empty(FollowUpPlanner.Plan(active with { FollowUp = null }, 7, DateTimeOffset.UnixEpoch));
        Assert.Empty(FollowUpPlanner.Plan(active with { Status = PrescriptionStatus.Draft }, 7, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Check_in_tokens_are_bound_to_one_prescription_and_expire()
    {
        var tokens = new CheckInTokens(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        var now = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        var token = tokens.Create(new CheckInTokenClaims("clinic-a", "rx-1", now.AddDays(30)));

        var (status, claims) = tokens.Read(token, now);
        var (expired, _) = tokens.Read(token, now.AddDays(31));
        var (foreign, _) = new CheckInTokens(new byte[32]).Read(token, now);
        var tampered = token.Replace(token[..4], "AAAA", StringComparison.Ordinal);

        Assert.Equal(CheckInTokenStatus.Valid, status);
        Assert.Equal("rx-1", claims!.PrescriptionId);
        Assert.Equal("clinic-a", claims.ClinicId);
        Assert.Equal(CheckInTokenStatus.Expired, expired);
        Assert.Equal(CheckInTokenStatus.Invalid, foreign);
        Assert.Equal(CheckInTokenStatus.Invalid, tokens.Read(tampered, now).Status);
        Assert.Equal(CheckInTokenStatus.Invalid, tokens.Read("not a token", now).Status);
        Assert.Throws<ArgumentException>(() => new CheckInTokens(new byte[16]));
    }

    /// <summary>An active prescription of one home exercise with a follow-up contact in Berlin.</summary>
    internal static Prescription Active(DateOnly start, int weeks, int daysPerWeek) => new()
    {
        Id = "rx-follow",
        ClinicId = "clinic-a",
        PatientId = "p-1",
        ConditionId = "lateral-ankle-sprain",
        Phase = 1,
        Status = PrescriptionStatus.Active,
        Constraints = new PatientConstraints(),
        Items =
        [
            new PrescriptionItem
            {
                ExerciseId = "ankle-pumps",
                Name = "Ankle pumps",
                Category = ExerciseCategory.RangeOfMotion,
                Dose = new Dose { Sets = 2, Reps = 10, DaysPerWeek = daysPerWeek },
                Rationale = "Test.",
                Delivery = Delivery.Home,
            },
        ],
        EstimatedMinutesPerSession = 5,
        LibraryVersion = "test",
        StartDate = start,
        Weeks = weeks,
        FollowUp = new FollowUp("patient@example.org", "Europe/Berlin", new TimeOnly(18, 0), 7),
        CreatedAt = DateTimeOffset.UnixEpoch,
        CreatedBy = "t",
        UpdatedAt = DateTimeOffset.UnixEpoch,
        UpdatedBy = "t",
        Version = 1,
    };
}
