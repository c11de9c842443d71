using System.Globalization;
using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Domain.Prescriptions;

public sealed partial record Prescription
{
    /// <summary>The audit entry of a therapist acknowledging one of the prescription's alerts (the prescription itself does not change).</summary>
    public AuditEntry AlertAcknowledged(Alert acknowledged, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(acknowledged);
        ArgumentNullException.ThrowIfNull(actor);
        var what = ClinicalText.Words(acknowledged.Kind);
        var raised = acknowledged.RaisedAt.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var note = string.IsNullOrWhiteSpace(acknowledged.Note) ? string.Empty : $" Note: {acknowledged.Note}";
        return new AuditEntry(Id, acknowledged.AcknowledgedAt ?? DateTimeOffset.MinValue, actor.Subject, actor.Kind, "alertAcknowledged",
            $"Alert acknowledged ({what}, raised {raised}): {acknowledged.Message}{note}",
            [new FieldChange($"Alert ({what})", "open", "acknowledged")], actor.Source, Version);
    }
}
