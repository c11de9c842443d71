using Prescriptions.Domain.Library;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Domain.Readiness;
using Prescriptions.Domain.Tenancy;

namespace Prescriptions.Domain.Tests;

/// <summary>What a therapist reads of a criterion and its evidence: words and familiar units, never the library's codes.</summary>
public sealed class ReadingWordsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Pain_reads_out_of_ten_and_a_yes_or_no_measure_as_yes_or_no()
    {
        Criterion[] criteria = [new("painAtRest", Comparator.Lte, 2, "nrs"), new("runningCleared", Comparator.Eq, 1, "yesNo"), new("quadricepsIndex", Comparator.Gte, 80, "percent")];
        Evidence[] evidence = [new("painAtRest", 3, "nrs", Now.AddDays(-1), "check-in"), new("runningCleared", 0, "yesNo", Now.AddDays(-2), "measured by t-1"), new("quadricepsIndex", 85, "percent", Now.AddDays(-3), "measured by t-1")];

        var judged = ReadinessEvaluator.JudgeAll(criteria, evidence, Now);

        Assert.Equal("3/10 on 2026-11-19 (check-in); the goal is pain at rest <= 2/10.", judged[0].Explanation);
        Assert.Equal("no on 2026-11-18 (measured by t-1); the goal is running cleared: yes.", judged[1].Explanation);
        Assert.Equal("85% on 2026-11-17 (measured by t-1); the goal is quadriceps index >= 80%.", judged[2].Explanation);
        Assert.DoesNotContain(judged, j => j.Explanation.Contains("nrs", StringComparison.Ordinal) || j.Explanation.Contains("yesNo", StringComparison.Ordinal) || j.Explanation.Contains("painAtRest", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reading_in_another_unit_names_both_units_in_words()
    {
        var judged = ReadinessEvaluator.JudgeAll([new Criterion("painAtRest", Comparator.Lte, 2, "nrs")], [new Evidence("painAtRest", 30, "mm", Now.AddDays(-1), "measured by t-1")], Now);

        Assert.Equal("The latest reading is in mm; the goal, pain at rest <= 2/10, needs the 0-10 scale.", judged[0].Explanation);
    }

    [Fact]
    public void The_audit_of_a_measurement_names_the_measure_and_its_reading_in_words()
    {
        var prescription = FollowUpPlannerTests.Active(new DateOnly(2026, 11, 2), 4, 5);
        var therapist = new Actor("t-1", CallerKind.User, "portal", "c-1");

        var entry = prescription.Measured(new Measurement("painAtRest", 4, "nrs", Now, "t-1"), therapist, Now);

        Assert.Equal("Recorded pain at rest: 4/10.", entry.Summary);
    }
}
