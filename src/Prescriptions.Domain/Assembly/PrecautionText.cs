using System.Globalization;
using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Assembly;

/// <summary>Precautions in a therapist's words, for the rationales of the engine and of safe swaps.</summary>
public static class PrecautionText
{
    public static string Describe(Precautions precautions)
    {
        ArgumentNullException.ThrowIfNull(precautions);
        var parts = new List<string> { $"weight bearing up to {ClinicalText.Words(precautions.WeightBearing)}" };
        if (precautions.UpperLimbWeightBearing != WeightBearing.Full)
        {
            parts.Add($"weight through the arm up to {ClinicalText.Words(precautions.UpperLimbWeightBearing)}");
        }

        if (precautions.RomLimits.Count > 0)
        {
            parts.Add("ROM caps " + string.Join(", ", precautions.RomLimits.Select(Cap)));
        }

        if (precautions.LiftingLimitKg is { } kg)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"lifting <= {kg:0.#} kg"));
        }

        if (precautions.Tags.Count > 0)
        {
            parts.Add("precautions: " + string.Join(", ", precautions.Tags.Select(PrecautionTags.Words)));
        }

        return string.Join("; ", parts);
    }

    /// <summary>"shoulder flexion &lt;= 120 (active or resisted)", or for a cap of 0 "no resisted shoulder flexion".</summary>
    public static string Cap(RomLimit limit)
    {
        var motion = $"{ClinicalText.Words(limit.Joint)} {ClinicalText.Words(limit.Motion)}";
        var modes = limit.AppliesFrom switch
        {
            MotionMode.Passive => string.Empty,
            MotionMode.ActiveAssisted => "assisted, active or resisted",
            MotionMode.Active => "active or resisted",
            _ => "resisted",
        };
        return limit.MaxDegrees == 0
            ? $"no {(modes.Length == 0 ? string.Empty : modes + " ")}{motion}"
            : $"{motion} <= {limit.MaxDegrees}{(modes.Length == 0 ? string.Empty : $" ({modes})")}";
    }
}
