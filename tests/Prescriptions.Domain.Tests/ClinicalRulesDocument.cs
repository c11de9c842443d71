using Prescriptions.Domain.Assembly;
using System.Globalization;
using System.Text;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Readiness;

namespace Prescriptions.Domain.Tests;

/// <summary>
/// Renders the per-condition part of docs/clinical-rules.md from the library, so the document a clinician
/// reviews is always the data the engine runs on.
/// </summary>
public static class ClinicalRulesDocument
{
    public const string Marker = "<!-- Everything below is generated from library/ by tests/Prescriptions.Domain.Tests/ClinicalRulesDocument.cs: run `UPDATE_CLINICAL_RULES=1 dotnet test tests/Prescriptions.Domain.Tests --filter ClinicalRulesDocument` after editing the library. -->";

    public static string Render(LibraryContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = new StringBuilder();
        text.AppendLine("## Conditions, phase by phase").AppendLine();
        foreach (var condition in content.Conditions.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            Condition(text, condition);
        }

        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static void Condition(StringBuilder text, Condition condition)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"### {condition.Name} (`{condition.Id}`)").AppendLine();
        if (condition.VariantOf is { } variantOf)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"A surgical variant of `{variantOf}`.").AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"- Guideline: {condition.Guideline}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- ICD-10: {string.Join(", ", condition.Icd10Codes.Select(c => c.Side is { } side ? $"{c.Code} ({ClinicalText.Words(side)})" : c.Code))}{(condition.SnomedCode is { } s ? $"; SNOMED CT {s}" : string.Empty)}");
        foreach (var gate in condition.Gates)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- In every phase, until {Criteria(gate.LiftedWhen)}: {Precautions(gate.Precautions)}. {gate.Reason}");
        }

        text.AppendLine();
        text.AppendLine("| phase | precautions | gates (held until) | entry | exit | slots (core / preferred items) | dosing |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var phase in condition.Phases)
        {
            var gates = phase.Gates.Count == 0 ? "none" : string.Join("<br>", phase.Gates.Select(g => $"{Precautions(g.Precautions)} until {Criteria(g.LiftedWhen)}: {g.Reason}"));
            var slots = string.Join("<br>", phase.Slots.Select((s, i) =>
                $"{i + 1}. {s.Count} x {ClinicalText.Words(s.Category)} {s.MinDifficulty}-{s.MaxDifficulty}{(s.Delivery == Delivery.Clinic ? " (clinic)" : string.Empty)}"
                + (s.RequiredExerciseIds.Count > 0 ? $"; core: {string.Join(", ", s.RequiredExerciseIds)}" : string.Empty)
                + (s.PreferredExerciseIds.Count > 0 ? $"; preferred: {string.Join(", ", s.PreferredExerciseIds)}" : string.Empty)));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {phase.Number}. {Cell(phase.Name)} (min {phase.MinDays} days) | {Precautions(phase.Precautions)} | {Cell(gates)} | {Criteria(phase.EntryCriteria)} | {Criteria(phase.ExitCriteria)} | {slots} | {Dosing(phase.DoseProfile)} |");
        }

        text.AppendLine();
    }

    private static string Precautions(Precautions precautions)
    {
        var parts = new List<string>();
        if (precautions.WeightBearing != WeightBearing.Full)
        {
            parts.Add($"leg weight bearing {ClinicalText.Words(precautions.WeightBearing)}");
        }

        if (precautions.UpperLimbWeightBearing != WeightBearing.Full)
        {
            parts.Add($"arm weight bearing {ClinicalText.Words(precautions.UpperLimbWeightBearing)}");
        }

        parts.AddRange(precautions.RomLimits.Select(PrecautionText.Cap));
        if (precautions.LiftingLimitKg is { } kg)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"lifting <= {kg:0.#} kg"));
        }

        parts.AddRange(precautions.Tags.Select(t => $"`{t}`"));
        return parts.Count == 0 ? "none" : Cell(string.Join(", ", parts));
    }

    private static string Criteria(IReadOnlyList<Criterion> criteria) =>
        criteria.Count == 0 ? "none" : Cell(string.Join("; ", criteria.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{c.Measure} {ReadinessEvaluator.Symbol(c.Comparator)} {c.Threshold} {c.Unit}"))));

    private static string Dosing(DoseProfile profile)
    {
        var parts = new List<string> { Cell(profile.Description) };
        foreach (var dose in profile.Categories)
        {
            var values = new List<string>();
            void Add(string name, object? value)
            {
                if (value is not null)
                {
                    values.Add($"{name} {value}");
                }
            }

            Add("sets", dose.Sets);
            Add("reps", dose.Reps);
            Add("hold s", dose.HoldSeconds);
            Add("duration s", dose.DurationSeconds);
            Add("RPE", dose.Rpe);
            Add("HRR %", dose.HeartRateReserve is { } h ? $"{h.MinPercent}-{h.MaxPercent}" : null);
            Add("sessions/day", dose.SessionsPerDay);
            Add("days/week", dose.DaysPerWeek);
            var stop = dose.StopRules.Count > 0 ? $"; stop rules: {string.Join(" ", dose.StopRules)}" : string.Empty;
            parts.Add(Cell($"{ClinicalText.Words(dose.Categories)}: {string.Join(", ", values)}{stop}"));
        }

        return string.Join("<br>", parts);
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
