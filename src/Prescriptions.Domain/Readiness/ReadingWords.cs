using System.Globalization;
using System.Text;
using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Readiness;

/// <summary>
/// Measures, readings and goals as a therapist reads them: "pain at rest 3/10", "running cleared: yes", never a camelCase
/// measure name or a unit code ("nrs", "yesNo") of the library's data.
/// </summary>
public static class ReadingWords
{
    /// <summary>A camelCase measure as words: "kneeFlexionDegrees" reads "knee flexion degrees".</summary>
    public static string Measure(string measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var words = new StringBuilder(measure.Length + 8);
        foreach (var character in measure)
        {
            if (char.IsUpper(character) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(character));
        }

        return words.ToString();
    }

    /// <summary>A value in its unit: "3/10" on the numeric rating scale, "yes" or "no", "80%", "110 degrees".</summary>
    public static string Reading(double value, string unit) => unit switch
    {
        "nrs" => string.Create(CultureInfo.InvariantCulture, $"{value:0.#}/10"),
        "yesNo" => value >= 1 ? "yes" : "no",
        "percent" => string.Create(CultureInfo.InvariantCulture, $"{value:0.#}%"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{value:0.##} {unit}"),
    };

    /// <summary>A unit named on its own: "the 0-10 pain scale", "yes or no", "percent", "degrees".</summary>
    public static string Unit(string unit) => unit switch
    {
        "nrs" => "the 0-10 scale",
        "yesNo" => "yes or no",
        _ => unit,
    };

    /// <summary>The criterion's own words where the library gives them ("Berg Balance Scale 45 or more"), the measure otherwise.</summary>
    public static string Goal(Criterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return criterion.Description ?? (criterion.Unit == "yesNo"
            ? $"{Measure(criterion.Measure)}: {Reading(criterion.Threshold, criterion.Unit)}"
            : $"{Measure(criterion.Measure)} {ReadinessEvaluator.Symbol(criterion.Comparator)} {Reading(criterion.Threshold, criterion.Unit)}");
    }

    /// <summary>A piece of evidence: "3/10 on 2026-11-12".</summary>
    public static string Of(Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return string.Create(CultureInfo.InvariantCulture, $"{Reading(evidence.Value, evidence.Unit)} on {evidence.RecordedAt:yyyy-MM-dd}");
    }
}
