using System.Globalization;
using Prescriptions.Portal.Api;

namespace Prescriptions.Portal.Patients;

/// <summary>An exit criterion and its standing in a therapist's words.</summary>
public static class CriterionWords
{
    public static string Of(ExitCriterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        if (!string.IsNullOrWhiteSpace(criterion.Description))
        {
            return criterion.Description;
        }

        var comparator = criterion.Comparator switch
        {
            "lt" => "below",
            "lte" => "at most",
            "eq" => "equal to",
            "gte" => "at least",
            "gt" => "above",
            _ => criterion.Comparator,
        };
        return criterion.Unit == "yesNo"
            ? $"{Measure(criterion.Measure)}: {Reading(criterion.Threshold, criterion.Unit)}"
            : $"{Measure(criterion.Measure)} {comparator} {Reading(criterion.Threshold, criterion.Unit)}";
    }

    /// <summary>A value in its unit, as the API words its explanations: "3/10" on the pain scale, "yes" or "no", "80%", "110 degrees".</summary>
    public static string Reading(double value, string unit) => unit switch
    {
        "nrs" => $"{value.ToString("0.#", CultureInfo.InvariantCulture)}/10",
        "yesNo" => value >= 1 ? "yes" : "no",
        "percent" => $"{value.ToString("0.#", CultureInfo.InvariantCulture)}%",
        _ => $"{value.ToString("0.##", CultureInfo.InvariantCulture)} {unit}",
    };

    /// <summary>What a measurement field takes: "0 to 10", "1 for yes, 0 for no", "percent", "degrees".</summary>
    public static string Entry(string unit) => unit switch
    {
        "nrs" => "0 to 10",
        "yesNo" => "1 for yes, 0 for no",
        _ => unit,
    };

    public static string Status(string status) => status switch
    {
        "met" => "Met",
        "notMet" => "Not met",
        "unknown" => "No recent measurement",
        _ => status,
    };

    /// <summary>A camelCase measure name as words: "kneeFlexionDegrees" reads "knee flexion degrees".</summary>
    public static string Measure(string measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var words = new System.Text.StringBuilder(measure.Length + 8);
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
}
