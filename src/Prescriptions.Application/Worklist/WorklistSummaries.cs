using System.Globalization;
using Prescriptions.Application.FollowUps;
using Prescriptions.Application.Patients;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Patients;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Domain.Readiness;
using Prescriptions.Domain.Worklist;

namespace Prescriptions.Application.Worklist;

/// <summary>
/// The worklist summary a write stores with itself: the prescription as written, with its check-ins, alerts and readiness as
/// they will be once the write is stored (<see cref="WorklistChange"/>), so the line is right the moment the write commits.
/// </summary>
public sealed class WorklistSummaries(IFollowUpRecords records, PrescriptionReadiness readiness, ILibraryProvider libraries, IPatientDirectory patients, TimeProvider clock)
{
    public async Task<WorklistSummary> AfterAsync(Prescription prescription, WorklistChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        ArgumentNullException.ThrowIfNull(change);
        var checkIns = change.IsNew ? [] : change.CheckIns ?? await records.CheckInsAsync(prescription.ClinicId, prescription.Id, cancellationToken);
        var stored = change.IsNew ? [] : await records.AlertsAsync(prescription.ClinicId, prescription.Id, cancellationToken);
        var changed = change.Raised.Concat(change.Acknowledged is { } acknowledged ? [acknowledged] : []).ToList();
        var alerts = stored.Where(a => !changed.Exists(c => c.Id == a.Id)).Concat(changed).ToList();

        var library = await libraries.GetVersionAsync(prescription.LibraryVersion, cancellationToken);
        var condition = library.FindCondition(prescription.ConditionId);
        var phase = condition?.FindPhase(prescription.Phase);
        IReadOnlyList<Evidence> evidence = change.IsNew ? [] : await readiness.EvidenceAsync(prescription, checkIns, cancellationToken);
        if (change.Measured is { } measurement)
        {
            evidence = [.. evidence, PrescriptionReadiness.EvidenceOf(measurement)];
        }

        // A protocol the library no longer has cannot be judged: not met, as the readiness route would refuse it.
        var report = phase is null ? new ReadinessReport(prescription.Phase, false, 0, 0, []) : readiness.Evaluate(prescription, phase, evidence);
        var summary = WorklistSummary.From(
            prescription,
            condition?.Name ?? prescription.ConditionId,
            phase?.Name ?? string.Create(CultureInfo.InvariantCulture, $"Phase {prescription.Phase}"),
            checkIns,
            alerts,
            report,
            clock.GetUtcNow());

        // A registered patient is shown by name (as of this write; a rename shows from the prescription's next write).
        var patient = change.Patient ?? (Patient.IsWellFormedId(prescription.PatientId)
            ? (await patients.FindAsync(prescription.ClinicId, prescription.PatientId, cancellationToken))?.Value
            : null);
        return patient is null ? summary : summary with { PatientDisplayName = $"{patient.GivenName} {patient.FamilyName}" };
    }
}
