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
        return $"{Measure(criterion.Measure)} {comparator} {criterion.Threshold.ToString("0.##", CultureInfo.InvariantCulture)} {criterion.Unit}";
    }

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
