using Azure.Data.Tables;
using Prescriptions.Domain.Patients;
using Prescriptions.Storage.Prescriptions;

namespace Prescriptions.Storage.Patients;

/// <summary>
/// The registered patients' rows in the clinic partition, each a copy of the patient's document written in one batch:
/// <list type="bullet">
/// <item><c>pt|{patientId}</c>: the patient.</item>
/// <item><c>pname|{token}|{patientId}</c>: one per normalized name token (<see cref="PatientNames"/>), so a prefix search
/// reads one key range.</item>
/// <item><c>pext|{externalId}</c>: the EHR's id (base64url), added with Add so that it is unique within the clinic.</item>
/// <item><c>erasing|{patientId}</c>: an erasure under way (base64url: an EHR's id may hold any character);
/// <c>erased|{inverted ticks}|{erasure id}</c>: the tombstone of a completed one, with no personal data.</item>
/// </list>
/// </summary>
internal static class PatientPartitionLayout
{
    public const string TokenProperty = "Token";

    public static string PatientKey(string patientId) => $"pt|{patientId}";

    public static string NameKey(string token, string patientId) => $"pname|{token}|{patientId}";

    public static string ExternalKey(string externalId) => $"pext|{ClinicPartitionLayout.Encode(externalId)}";

    public static string ErasingKey(string patientId) => $"erasing|{ClinicPartitionLayout.Encode(patientId)}";

    public static string ErasedKey(ErasureTombstone tombstone)
    {
        ArgumentNullException.ThrowIfNull(tombstone);
        return $"erased|{ClinicPartitionLayout.Newest(tombstone.CompletedAt)}|{tombstone.Id}";
    }

    /// <summary>The index range of the names that begin with <paramref name="prefix"/>: [pname|prefix, the next prefix).</summary>
    public static (string From, string To) NameRange(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var from = $"pname|{prefix}";
        return (from, from[..^1] + (char)(from[^1] + 1));
    }

    public static TableEntity PatientEntity(Patient patient) => Copy(patient, PatientKey(patient.Id), "patient");

    public static IEnumerable<TableEntity> NameEntities(Patient patient) => patient.NameTokens.Select(token =>
    {
        var row = Copy(patient, NameKey(token, patient.Id), "patientName");
        row[TokenProperty] = token;
        return row;
    });

    public static TableEntity ExternalEntity(Patient patient) => Copy(patient, ExternalKey(patient.ExternalId!), "patientExternalId");

    /// <summary>Every index row key of the patient as it is.</summary>
    public static IEnumerable<string> IndexKeys(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var names = patient.NameTokens.Select(token => NameKey(token, patient.Id));
        return patient.ExternalId is { } externalId ? names.Append(ExternalKey(externalId)) : names;
    }

    private static TableEntity Copy(Patient patient, string rowKey, string kind)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return ClinicPartitionLayout.ToDocumentEntity(patient.ClinicId, rowKey, kind, patient);
    }
}
