using System.Text.Json;
using Azure.Data.Tables;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Domain.Serialization;

namespace Prescriptions.Storage.Prescriptions;

/// <summary>
/// Table layout, one partition per clinic so that a clinic's writes can share a batch transaction:
/// <list type="bullet">
/// <item><c>rx|{id}</c>: the prescription; the document as JSON split over Document0..n (a string property holds 32K characters), plus columns to filter on.</item>
/// <item><c>patient|{patientId}|{inverted ticks}|{id}</c>: an index row, so a patient's prescriptions read newest first.</item>
/// </list>
/// </summary>
internal static class PrescriptionEntity
{
    private const int ChunkLength = 30_000;
    private const string DocumentProperty = "Document";

    public static string RowKey(string prescriptionId) => $"rx|{prescriptionId}";

    public static string PatientIndexRowKey(Prescription prescription) =>
        $"patient|{prescription.PatientId}|{DateTimeOffset.MaxValue.UtcTicks - prescription.CreatedAt.UtcTicks:D19}|{prescription.Id}";

    public static TableEntity ToEntity(Prescription prescription)
    {
        var entity = new TableEntity(prescription.ClinicId, RowKey(prescription.Id))
        {
            ["Kind"] = "prescription",
            ["PatientId"] = prescription.PatientId,
            ["ConditionId"] = prescription.ConditionId,
            ["Phase"] = prescription.Phase,
            ["Status"] = prescription.Status.ToString(),
            ["ExternalId"] = prescription.ExternalId,
            ["CreatedAt"] = prescription.CreatedAt,
            ["UpdatedAt"] = prescription.UpdatedAt,
            ["Version"] = prescription.Version,
        };
        var json = JsonSerializer.Serialize(prescription, DomainJson.Options);
        for (int i = 0, chunk = 0; i < json.Length; i += ChunkLength, chunk++)
        {
            entity[$"{DocumentProperty}{chunk}"] = json.Substring(i, Math.Min(ChunkLength, json.Length - i));
        }

        return entity;
    }

    public static TableEntity ToPatientIndexEntity(Prescription prescription) =>
        new(prescription.ClinicId, PatientIndexRowKey(prescription))
        {
            ["Kind"] = "patientIndex",
            ["PrescriptionId"] = prescription.Id,
        };

    public static Prescription FromEntity(TableEntity entity)
    {
        var json = string.Concat(Enumerable.Range(0, int.MaxValue)
            .Select(chunk => entity.GetString($"{DocumentProperty}{chunk}"))
            .TakeWhile(part => part is not null));
        return JsonSerializer.Deserialize<Prescription>(json, DomainJson.Options)
            ?? throw new InvalidDataException($"Prescription {entity.RowKey} has no document.");
    }
}
