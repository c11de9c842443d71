using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Domain.Serialization;

namespace Prescriptions.Storage.Prescriptions;

/// <summary>
/// The clinic partition's key layout and document codec, one partition per clinic so that everything one change writes shares a
/// batch transaction:
/// <list type="bullet">
/// <item><c>rx|{id}</c>: the prescription (JSON over Document0..n: a string property holds 32K characters).</item>
/// <item><c>patient|{patientId}|{inverted ticks}|{id}</c> and <c>ext|{externalId}|{inverted ticks}|{id}</c>: copies kept
/// in step with every write, so a patient's or an EHR id's prescriptions read newest first in one range query.</item>
/// <item><c>audit|{id}|{inverted ticks}|{version}</c>, <c>outbox|{event id}</c>, <c>idem|{caller}|{key}</c>,
/// <c>measure|{id}|{inverted ticks}|{n}</c>: the audit trail, the partner events to deliver, idempotency records, measurements.</item>
/// <item><c>delivery|{event id}|{partner}|{attempt}</c>: the webhook delivery log.</item>
/// <item><c>checkin|{id}|{yyyy-MM-dd}</c> (one per day), <c>alert|{id}|{alert id}</c>, <c>followup|{id}|{message id}</c>:
/// the patient's check-ins, the alerts raised, and the record of each follow-up message sent or given up.</item>
/// <item><c>alertref|{alert id}</c>, <c>alerts|{status}|{inverted ticks}|{alert id}</c>, <c>alertsk|{status}|{kind}|{inverted
/// ticks}|{alert id}</c>: copies of each alert written in its batch, so the clinic's inbox reads newest first by status (and
/// kind) in one range query and an alert is found by its id; acknowledging moves the index rows in one batch.</item>
/// <item><c>pt|{patientId}</c>, <c>pname|{token}|{patientId}</c>, <c>pext|{externalId}</c>, <c>erasing|{patientId}</c>,
/// <c>erased|{inverted ticks}|{erasure id}</c>: registered patients, their search index and erasures
/// (<see cref="Patients.PatientPartitionLayout"/>).</item>
/// <item><c>work|{inverted created ticks}|{id}</c>, <c>workst|{status}|…</c>, <c>workattn|…</c> (only while it needs a therapist)
/// and <c>workpt|{patientId}|…</c>: the prescription's worklist summary, written in the batch of every change that moves it, so
/// each filter of the worklist reads newest first in one range query.</item>
/// </list>
/// Free-text parts of keys (external ids, callers, idempotency keys) are base64url-encoded: table keys forbid / \ # ?.
/// </summary>
internal static class ClinicPartitionLayout
{
    private const int ChunkLength = 30_000;
    private const string DocumentProperty = "Document";

    public static string RowKey(string prescriptionId) => $"rx|{prescriptionId}";

    public static string PatientPrefix(string patientId) => $"patient|{patientId}|";

    public static string ExternalPrefix(string externalId) => $"ext|{Encode(externalId)}|";

    public static string AuditPrefix(string prescriptionId) => $"audit|{prescriptionId}|";

    public static string MeasurementPrefix(string prescriptionId) => $"measure|{prescriptionId}|";

    public const string OutboxPrefix = "outbox|";

    public static string OutboxKey(string eventId) => $"{OutboxPrefix}{eventId}";

    public static string DeliveryPrefix(string eventId) => $"delivery|{eventId}|";

    public static string CheckInPrefix(string prescriptionId) => $"checkin|{prescriptionId}|";

    public static string AlertPrefix(string prescriptionId) => $"alert|{prescriptionId}|";

    /// <summary>The clinic's alerts of one status newest first: <c>alerts|{status}|{inverted ticks}|{alert id}</c>.</summary>
    public static string AlertStatusPrefix(Domain.Lifecycle.AlertStatus status) => $"alerts|{Code(status)}|";

    /// <summary>The same by kind: <c>alertsk|{status}|{kind}|{inverted ticks}|{alert id}</c>.</summary>
    public static string AlertKindPrefix(Domain.Lifecycle.AlertStatus status, Domain.Lifecycle.AlertKind kind) => $"alertsk|{Code(status)}|{Code(kind)}|";

    /// <summary>An alert by its id alone: <c>alertref|{alert id}</c>.</summary>
    public static string AlertRefKey(string alertId) => $"alertref|{alertId}";

    /// <summary>The rows of one alert: its own (beside its prescription's), its reference by id, and its two index rows.</summary>
    public static IEnumerable<TableEntity> AlertEntities(string clinicId, Domain.Lifecycle.Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return IndexKeys(alert).Prepend(AlertRefKey(alert.Id)).Prepend(AlertPrefix(alert.PrescriptionId) + alert.Id)
            .Select(key => ToDocumentEntity(clinicId, key, key.StartsWith("alert|", StringComparison.Ordinal) ? "alert" : "alertIndex", alert));
    }

    /// <summary>The index rows of an alert in its status.</summary>
    public static IEnumerable<string> IndexKeys(Domain.Lifecycle.Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var newest = $"{Newest(alert.RaisedAt)}|{alert.Id}";
        return [AlertStatusPrefix(alert.Status) + newest, AlertKindPrefix(alert.Status, alert.Kind) + newest];
    }

    private static string Code<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    public const string WorklistPrefix = "work|";

    public const string WorklistAttentionPrefix = "workattn|";

    /// <summary>The worklist of one status: <c>workst|{status}|{inverted ticks}|{id}</c>.</summary>
    public static string WorklistStatusPrefix(PrescriptionStatus status) => $"workst|{Code(status)}|";

    /// <summary>A patient's worklist lines: <c>workpt|{patientId}|{inverted ticks}|{id}</c>.</summary>
    public static string WorklistPatientPrefix(string patientId) => $"workpt|{patientId}|";

    /// <summary>The line's main row, the one every write reads to know which of the others exist.</summary>
    public static string WorklistKey(Domain.Worklist.WorklistSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return WorklistKey(summary.PrescriptionId, summary.CreatedAt);
    }

    /// <summary>The same, of a prescription (its summary names the line's other rows).</summary>
    public static string WorklistKey(string prescriptionId, DateTimeOffset createdAt) => $"{WorklistPrefix}{Newest(createdAt)}|{prescriptionId}";

    /// <summary>Every row the summary has: the main row first, then status, attention (while needed) and patient.</summary>
    public static IEnumerable<string> WorklistKeys(Domain.Worklist.WorklistSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var newest = $"{Newest(summary.CreatedAt)}|{summary.PrescriptionId}";
        yield return WorklistKey(summary);
        yield return WorklistStatusPrefix(summary.Status) + newest;
        if (summary.NeedsAttention)
        {
            yield return WorklistAttentionPrefix + newest;
        }

        yield return WorklistPatientPrefix(summary.PatientId) + newest;
    }

    /// <summary>A worklist row: the summary, with the patient and status as properties a range query can also filter on.</summary>
    public static TableEntity ToWorklistEntity(Domain.Worklist.WorklistSummary summary, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var entity = ToDocumentEntity(summary.ClinicId, rowKey, "worklist", summary);
        entity["PatientId"] = summary.PatientId;
        entity["Status"] = Code(summary.Status);
        return entity;
    }

    public static string FollowUpDeliveryKey(string prescriptionId, string messageId) => $"followup|{prescriptionId}|{messageId}";

    public static string IdempotencyKey(string caller, string key) => $"idem|{Encode(caller)}|{Encode(key)}";

    public static string Newest(DateTimeOffset at) => $"{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}";

    /// <summary>The end of a prefix range: '}' sorts just after '|'.</summary>
    public static string RangeEnd(string prefix) => prefix[..^1] + "}";

    public static TableEntity ToEntity(Prescription prescription) => Document(new TableEntity(prescription.ClinicId, RowKey(prescription.Id))
    {
        ["Kind"] = "prescription",
        ["PatientId"] = prescription.PatientId,
        ["Status"] = prescription.Status.ToString(),
        ["ExternalId"] = prescription.ExternalId,
        ["UpdatedAt"] = prescription.UpdatedAt,
        ["Version"] = prescription.Version,
    }, prescription);

    public static TableEntity ToPatientEntity(Prescription prescription) => Document(
        new TableEntity(prescription.ClinicId, $"{PatientPrefix(prescription.PatientId)}{Newest(prescription.CreatedAt)}|{prescription.Id}") { ["Kind"] = "patientIndex" },
        prescription);

    public static TableEntity ToExternalEntity(Prescription prescription) => Document(
        new TableEntity(prescription.ClinicId, $"{ExternalPrefix(prescription.ExternalId!)}{Newest(prescription.CreatedAt)}|{prescription.Id}") { ["Kind"] = "externalIndex" },
        prescription);

    public static TableEntity ToDocumentEntity<T>(string partitionKey, string rowKey, string kind, T value) =>
        Document(new TableEntity(partitionKey, rowKey) { ["Kind"] = kind }, value);

    public static TableEntity ToOutboxEntity(string clinicId, Domain.Lifecycle.PrescriptionEvent @event)
    {
        var outbox = ToDocumentEntity(clinicId, OutboxKey(@event.Id), "outbox", @event);
        outbox["Attempts"] = 0;
        outbox["NextAttemptAt"] = @event.OccurredAt;
        return outbox;
    }

    public static TableEntity ToAuditEntity(string clinicId, Domain.Lifecycle.AuditEntry audit) => ToDocumentEntity(
        clinicId, $"{AuditPrefix(audit.PrescriptionId)}{Newest(audit.At)}|{audit.Version:D6}|{Guid.NewGuid():N}", "audit", audit);

    public static T FromEntity<T>(TableEntity entity)
    {
        var json = new StringBuilder();
        for (var chunk = 0; entity.GetString($"{DocumentProperty}{chunk}") is { } part; chunk++)
        {
            json.Append(part);
        }

        return JsonSerializer.Deserialize<T>(json.ToString(), DomainJson.Options)
            ?? throw new InvalidDataException($"Row {entity.RowKey} has no document.");
    }

    private static TableEntity Document<T>(TableEntity entity, T value)
    {
        var json = JsonSerializer.Serialize(value, DomainJson.Options);
        for (int i = 0, chunk = 0; i < json.Length; i += ChunkLength, chunk++)
        {
            entity[$"{DocumentProperty}{chunk}"] = json.Substring(i, Math.Min(ChunkLength, json.Length - i));
        }

        return entity;
    }

    public static string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
}
