using System.Globalization;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Domain.Readiness;

namespace Prescriptions.Application.FollowUps;

/// <summary>Readiness to progress from all the evidence there is: the therapist's measurements and the patient's check-ins.</summary>
public sealed class PrescriptionReadiness(IPrescriptionRepository prescriptions, IFollowUpRecords records, ILibraryProvider libraries, TimeProvider clock)
{
    public async Task<ReadinessReport> EvaluateAsync(Prescription prescription, Phase phase, IReadOnlyList<CheckIn>? checkIns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        return Evaluate(prescription, phase, await EvidenceAsync(prescription, checkIns, cancellationToken));
    }

    /// <summary>Readiness on evidence already read (see <see cref="EvidenceAsync"/>).</summary>
    public ReadinessReport Evaluate(Prescription prescription, Phase phase, IReadOnlyList<Evidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        var now = clock.GetUtcNow();
        var report = ReadinessEvaluator.Evaluate(phase, prescription.PhaseStartedAt ?? prescription.CreatedAt, evidence, now);

        // Adherence is not "not recorded" in the first two weeks: it is not judged yet, and the therapist is told why.
        return CheckInEvidence.AdherenceNotYetJudged(prescription, now) is { } notYet
            ? report with
            {
                Criteria = [.. report.Criteria.Select(c => c.Criterion.Measure == CheckInEvidence.AdherencePercent && c.Evidence is null ? c with { Explanation = notYet } : c)],
            }
            : report;
    }

    /// <summary>All the evidence there is: the therapist's measurements and what the patient's check-ins show.</summary>
    public async Task<IReadOnlyList<Evidence>> EvidenceAsync(Prescription prescription, IReadOnlyList<CheckIn>? checkIns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        var now = clock.GetUtcNow();
        var measurements = await prescriptions.MeasurementsAsync(prescription.ClinicId, prescription.Id, cancellationToken);
        checkIns ??= await records.CheckInsAsync(prescription.ClinicId, prescription.Id, cancellationToken);
        return [.. measurements
            .Select(EvidenceOf)
            .Concat(CheckInEvidence.From(prescription, checkIns, now))];
    }

    /// <summary>A therapist's measurement as evidence.</summary>
    public static Evidence EvidenceOf(Measurement measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        return new Evidence(measurement.Measure, measurement.Value, measurement.Unit, measurement.RecordedAt, $"measured by {measurement.RecordedBy}");
    }

    /// <summary>
    /// The alert that the current phase's criteria are all met, judged on the given check-ins (null: the stored ones);
    /// null when they are not. Its id names the phase, so callers drop it once raised.
    /// </summary>
    public async Task<Alert?> ReadyAlertAsync(Prescription prescription, IReadOnlyList<CheckIn>? checkIns, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        var library = await libraries.GetVersionAsync(prescription.LibraryVersion, cancellationToken);
        return library.FindCondition(prescription.ConditionId)?.FindPhase(prescription.Phase) is { } phase
            ? ReadyAlert(prescription, await EvaluateAsync(prescription, phase, checkIns, cancellationToken), at)
            : null;
    }

    /// <summary>The alert that the phase's criteria are all met: once per phase (its id names the phase).</summary>
    public static Alert? ReadyAlert(Prescription prescription, ReadinessReport readiness, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        ArgumentNullException.ThrowIfNull(readiness);
        return readiness.Ready && prescription.Status == PrescriptionStatus.Active
            ? Alert.Raise(prescription.Id, AlertKind.ReadyToProgress, string.Create(CultureInfo.InvariantCulture, $"phase {prescription.Phase}"), now, string.Create(CultureInfo.InvariantCulture,
                $"Every exit criterion of phase {prescription.Phase} is met and {readiness.DaysInPhase} of at least {readiness.MinDays} days have passed: ready to review for the next phase."))
            : null;
    }
}
