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
        ArgumentNullException.ThrowIfNull(after);
        var caller = call.Caller;
        var audit = new AuditEntry(
            after.Id,
            after.UpdatedAt,
            caller.Subject,
            caller.Kind,
            eventType["prescription.".Length..],
            summary,
            PrescriptionDiff.Compare(before, after),
            $"{(caller.Kind == CallerKind.App ? "partner app" : "portal")}, correlation id {call.CorrelationId}",
            after.Version);
        var @event = new PrescriptionEvent($"evt_{Guid.CreateVersion7():N}", eventType, after.UpdatedAt, after.ClinicId, after.Id, after.Version);
        return new PrescriptionWrite(after, audit, [@event], idempotency);
    }
}
