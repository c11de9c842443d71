using System.Globalization;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Domain.Prescriptions;

/// <summary>
/// What differs between two versions of a prescription, for the audit trail, in words a therapist reads: exercises by
/// name, doses as "3 x 12", limits one by one ("Weight bearing: partial -> full"); never a record's or an enum's code form.
/// </summary>
public static class PrescriptionDiff
{
    public static IReadOnlyList<FieldChange> Compare(Prescription? before, Prescription after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<FieldChange>();
        void Field(string name, string? from, string? to)
        {
            if (!string.Equals(from, to, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(name, from, to));
            }
        }

        Field("Status", before is null ? null : ClinicalText.Words(before.Status), ClinicalText.Words(after.Status));
        Field("Phase", before is null ? null : Number(before.Phase), Number(after.Phase));
        CompareItems(before, after, changes);
        Field("Start date", Day(before?.StartDate), Day(after.StartDate));
        Field("Weeks", Number(before?.Weeks), Number(after.Weeks));
        Field("Follow-up emails", before is null ? null : FollowUpText(before.FollowUp), FollowUpText(after.FollowUp));
        CompareConstraints(before?.Constraints, after.Constraints, Field);
        Field("EHR id", before?.ExternalId, after.ExternalId);
        return changes;
    }

    /// <summary>A dose in short: "3 x 12", "2 x 30 s, hold 5 s, 2 kg"; with the days when <paramref name="withDays"/>.</summary>
    public static string DoseText(Dose dose, bool withDays = false)
    {
        ArgumentNullException.ThrowIfNull(dose);
        var parts = new List<string> { $"{Number(dose.Sets)} x {(dose.DurationSeconds is { } seconds ? $"{Number(seconds)} s" : Number(dose.Reps ?? 1))}" };
        if (dose.HoldSeconds is { } hold)
        {
            parts.Add($"hold {Number(hold)} s");
        }

        if (dose.Load is { } load)
        {
            parts.Add(DoseInstructions.LoadText(load));
        }

        if (dose.Rpe is { } rpe)
        {
            parts.Add($"effort {Number(rpe)}/10");
        }

        if (withDays)
        {
            parts.Add($"{Number(dose.SessionsPerDay)} a day, {Number(dose.DaysPerWeek)} days a week");
        }

        return string.Join(", ", parts);
    }

    private static void CompareItems(Prescription? before, Prescription after, List<FieldChange> changes)
    {
        var old = before is null ? [] : before.Items.Concat(before.ClinicItems).ToList();
        var now = after.Items.Concat(after.ClinicItems).ToList();
        foreach (var removed in old.Where(o => !now.Any(n => n.ExerciseId == o.ExerciseId)))
        {
            changes.Add(new FieldChange("Exercise removed", removed.Name, null));
        }

        foreach (var added in now.Where(n => !old.Any(o => o.ExerciseId == n.ExerciseId)))
        {
            changes.Add(new FieldChange("Exercise added", null, $"{added.Name}, {DoseText(added.Dose)}"));
        }

        foreach (var kept in now)
        {
            if (old.FirstOrDefault(o => o.ExerciseId == kept.ExerciseId) is { } was && was.Dose != kept.Dose)
            {
                var withDays = was.Dose.DaysPerWeek != kept.Dose.DaysPerWeek || was.Dose.SessionsPerDay != kept.Dose.SessionsPerDay;
                var (from, to) = (DoseText(was.Dose, withDays), DoseText(kept.Dose, withDays));
                if (from == to)
                {
                    (from, to) = (DoseInstructions.PatientText(was.Dose), DoseInstructions.PatientText(kept.Dose));
                }

                changes.Add(new FieldChange($"Dose of {kept.Name}", from, to));
            }

            if (old.FirstOrDefault(o => o.ExerciseId == kept.ExerciseId) is { } same && same.Notes != kept.Notes)
            {
                changes.Add(new FieldChange($"Notes for {kept.Name}", same.Notes, kept.Notes));
            }
        }
    }

    private static void CompareConstraints(PatientConstraints? before, PatientConstraints after, Action<string, string?, string?> field)
    {
        field("Weight bearing", before is null ? null : Words(before.WeightBearing), Words(after.WeightBearing));
        field("Weight through the arm", before is null ? null : Words(before.UpperLimbWeightBearing), Words(after.UpperLimbWeightBearing));
        field("Equipment at hand", before is null ? null : EquipmentText(before.Equipment), EquipmentText(after.Equipment));
        field("Session length", before is null ? null : MinutesText(before.MaxMinutesPerSession), MinutesText(after.MaxMinutesPerSession));
        field("Most home exercises", Number(before?.MaxExercises), Number(after.MaxExercises));
        field("Excluded exercises", before is null ? null : ListText(before.ExcludeExerciseIds), ListText(after.ExcludeExerciseIds));
        field("Patient precautions", before is null ? null : ListText(before.Precautions), ListText(after.Precautions));
        field("Range-of-motion limits", before is null ? null : RomText(before.RomLimits), RomText(after.RomLimits));
    }

    private static string Words(WeightBearing? value) => value is { } known ? ClinicalText.Words(known) : "as the phase allows";

    private static string EquipmentText(IReadOnlyList<Equipment>? equipment) =>
        equipment is null ? "any" : equipment.Count == 0 ? "none" : ClinicalText.Words(equipment);

    private static string MinutesText(int? minutes) =>
        minutes is { } value ? $"at most {Number(value)} minutes" : $"the default of {PatientConstraints.DefaultMaxMinutesPerSession} minutes";

    private static string ListText(IReadOnlyList<string> values) => values.Count == 0 ? "none" : string.Join(", ", values);

    private static string RomText(IReadOnlyList<RomLimit> limits) => limits.Count == 0 ? "none" : string.Join(", ", limits.Select(l =>
        $"{ClinicalText.Words(l.Joint)} {ClinicalText.Words(l.Motion)} up to {Number(l.MaxDegrees)} degrees{(l.AppliesFrom == MotionMode.Passive ? string.Empty : $" ({ClinicalText.Words(l.AppliesFrom)} and more)")}"));

    private static string FollowUpText(FollowUp? followUp) => followUp is null ? "off" : followUp.OptedOutAt is null ? "on" : "stopped by the patient";

    private static string? Day(DateOnly? day) => day?.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
