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
            parts.Add("ROM caps " + string.Join(", ", precautions.RomLimits.Select(l =>
                $"{ClinicalText.Words(l.Joint)} {ClinicalText.Words(l.Motion)} <= {l.MaxDegrees}{(l.AppliesFrom == MotionMode.Passive ? string.Empty : $" ({ClinicalText.Words(l.AppliesFrom)} and more)")}")));
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
}
