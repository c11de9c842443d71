using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Domain.Tenancy;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>
/// Turns a change into what is stored with it: the audit entry (who, when, what, from where) and the event
/// for partners. The repository writes all of it in one transaction.
/// </summary>
public static class PrescriptionChanges
{
    public static PrescriptionWrite Describe(ApiRequest call, Prescription? before, Prescription after, string eventType, string summary, IdempotencyRecord? idempotency = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        var caller = call.Caller;
        return Describe(caller.Subject, caller.Kind, $"{(caller.Kind == CallerKind.App ? "partner app" : "portal")}, correlation id {call.CorrelationId}", before, after, eventType, summary, idempotency);
    }

    /// <summary>A change the patient made through their signed link (no account: the subject is "patient").</summary>
    public static PrescriptionWrite DescribeByPatient(string correlationId, Prescription before, Prescription after, string eventType, string summary) =>
        Describe(PatientSubject, CallerKind.Patient, $"patient's check-in link, correlation id {correlationId}", before, after, eventType, summary, null);

    public const string PatientSubject = "patient";

    private static PrescriptionWrite Describe(string subject, CallerKind kind, string source, Prescription? before, Prescription after, string eventType, string summary, IdempotencyRecord? idempotency)
    {
        ArgumentNullException.ThrowIfNull(after);
        var audit = new AuditEntry(
            after.Id,
            after.UpdatedAt,
            subject,
            kind,
            eventType["prescription.".Length..],
            summary,
            PrescriptionDiff.Compare(before, after),
            source,
            after.Version);
        var @event = new PrescriptionEvent($"evt_{Guid.CreateVersion7():N}", eventType, after.UpdatedAt, after.ClinicId, after.Id, after.Version);
        return new PrescriptionWrite(after, audit, [@event], idempotency);
    }
}
