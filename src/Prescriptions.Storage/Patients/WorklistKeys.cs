using Prescriptions.Domain.Prescriptions;
using Prescriptions.Storage.Prescriptions;

namespace Prescriptions.Storage.Patients;

/// <summary>
/// INTEGRATION POINT: the worklist's row keys, which another change is adding; the erasure deletes them if they exist.
/// When the worklist is merged, point these four at its own key builders (and delete this copy).
/// Inverted = <see cref="ClinicPartitionLayout.Newest"/> of the prescription's creation.
/// </summary>
internal static class WorklistKeys
{
    public static string All(Prescription prescription) => $"work|{Inverted(prescription)}|{prescription.Id}";

    public static string ByStatus(Prescription prescription, PrescriptionStatus status) =>
        $"workst|{status.ToString().ToLowerInvariant()}|{Inverted(prescription)}|{prescription.Id}";

    public static string NeedsAttention(Prescription prescription) => $"workattn|{Inverted(prescription)}|{prescription.Id}";

    public static string ByPatient(Prescription prescription) => $"workpt|{prescription.PatientId}|{Inverted(prescription)}|{prescription.Id}";

    /// <summary>Every worklist key the prescription may have, in any status.</summary>
    public static IEnumerable<string> Of(Prescription prescription) =>
        Enum.GetValues<PrescriptionStatus>().Select(status => ByStatus(prescription, status))
            .Prepend(ByPatient(prescription)).Prepend(NeedsAttention(prescription)).Prepend(All(prescription));

    private static string Inverted(Prescription prescription)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        return ClinicPartitionLayout.Newest(prescription.CreatedAt);
    }
}
