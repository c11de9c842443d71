using Prescriptions.Domain.Tenancy;

namespace Prescriptions.Domain.Lifecycle;

/// <summary>Who makes a change and through what (portal, partner app, the patient's link), as the audit trail names them.</summary>
public sealed record Actor(string Subject, CallerKind Kind, string Channel, string CorrelationId)
{
    /// <summary>The patient has no account: the subject is "patient".</summary>
    public const string PatientSubject = "patient";

    /// <summary>Where the change came from, with the correlation id that finds its log lines.</summary>
    public string Source => $"{Channel}, correlation id {CorrelationId}";

    public static Actor For(Caller caller, string correlationId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new(caller.Subject, caller.Kind, caller.Kind == CallerKind.App ? "partner app" : "portal", correlationId);
    }

    public static Actor Patient(string correlationId) => new(PatientSubject, CallerKind.Patient, "patient's check-in link", correlationId);
}
