using System.Globalization;
using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Domain.Prescriptions;

/// <summary>The fields that differ between two versions of a prescription, for the audit trail.</summary>
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

        Field("status", before?.Status.ToString().ToLowerInvariant(), after.Status.ToString().ToLowerInvariant());
        Field("phase", before?.Phase.ToString(CultureInfo.InvariantCulture), after.Phase.ToString(CultureInfo.InvariantCulture));
        Field("items", Items(before), Items(after));
        Field("doses", Doses(before), Doses(after));
        Field("startDate", before?.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), after.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Field("weeks", before?.Weeks?.ToString(CultureInfo.InvariantCulture), after.Weeks?.ToString(CultureInfo.InvariantCulture));
        Field("followUp", before?.FollowUp is null ? null : "set", after.FollowUp is null ? null : "set");
        Field("constraints", before?.Constraints.ToString(), after.Constraints.ToString());
        Field("externalId", before?.ExternalId, after.ExternalId);
        return changes;
    }

    private static string? Items(Prescription? prescription) =>
        prescription is null ? null : string.Join(", ", prescription.Items.Concat(prescription.ClinicItems).Select(i => i.ExerciseId));

    private static string? Doses(Prescription? prescription) =>
        prescription is null ? null : string.Join("; ", prescription.Items.Concat(prescription.ClinicItems).Select(i => $"{i.ExerciseId}: {i.Dose}"));
}
