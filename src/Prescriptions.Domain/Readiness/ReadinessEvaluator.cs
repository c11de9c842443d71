using System.Globalization;
using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Readiness;

/// <summary>Judges a phase's exit criteria against the newest recent evidence for each measure.</summary>
public static class ReadinessEvaluator
{
    /// <summary>Evidence older than this says nothing about today.</summary>
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromDays(14);

    public static ReadinessReport Evaluate(Phase phase, DateTimeOffset phaseStartedAt, IEnumerable<Evidence> evidence, DateTimeOffset now, TimeSpan? maxAge = null)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(evidence);
        var criteria = JudgeAll(phase.ExitCriteria, evidence, now, maxAge);
        var days = Math.Max(0, (int)Math.Floor((now - phaseStartedAt).TotalDays));
        return new ReadinessReport(phase.Number, days >= phase.MinDays && criteria.All(c => c.Status == CriterionStatus.Met), days, phase.MinDays, criteria);
    }

    /// <summary>Each criterion judged against the newest evidence for its measure that is not older than <paramref name="maxAge"/>.</summary>
    public static IReadOnlyList<CriterionReadiness> JudgeAll(IEnumerable<Criterion> criteria, IEnumerable<Evidence> evidence, DateTimeOffset now, TimeSpan? maxAge = null)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(evidence);
        var freshest = evidence
            .Where(e => e.RecordedAt <= now)
            .GroupBy(e => e.Measure, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.RecordedAt).First(), StringComparer.Ordinal);
        var age = maxAge ?? DefaultMaxAge;
        return [.. criteria.Select(criterion => Judge(criterion, freshest.GetValueOrDefault(criterion.Measure), now, age))];
    }

    private static CriterionReadiness Judge(Criterion criterion, Evidence? evidence, DateTimeOffset now, TimeSpan maxAge)
    {
        var goal = ReadingWords.Goal(criterion);
        if (evidence is null)
        {
            return new(criterion, CriterionStatus.Unknown, $"Nothing recorded yet; the goal is {goal}.");
        }

        if (now - evidence.RecordedAt > maxAge)
        {
            return new(criterion, CriterionStatus.Unknown,
                string.Create(CultureInfo.InvariantCulture, $"The latest reading ({ReadingWords.Of(evidence)}) is older than {maxAge.TotalDays:0} days; the goal is {goal}."), evidence);
        }

        if (!string.Equals(evidence.Unit, criterion.Unit, StringComparison.OrdinalIgnoreCase))
        {
            return new(criterion, CriterionStatus.Unknown, $"The latest reading is in {ReadingWords.Unit(evidence.Unit)}; the goal, {goal}, needs {ReadingWords.Unit(criterion.Unit)}.", evidence);
        }

        var met = criterion.IsMetBy(evidence.Value);
        return new(criterion, met ? CriterionStatus.Met : CriterionStatus.NotMet, $"{ReadingWords.Of(evidence)} ({evidence.Source}); the goal is {goal}.", evidence);
    }

    /// <summary>The comparator as a clinician writes it (&gt;=, &lt;=, ...).</summary>
    public static string Symbol(Comparator comparator) => comparator switch
    {
        Comparator.Lt => "<",
        Comparator.Lte => "<=",
        Comparator.Eq => "=",
        Comparator.Gte => ">=",
        _ => ">",
    };
}
