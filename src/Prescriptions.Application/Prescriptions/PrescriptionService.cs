using System.Text.RegularExpressions;
using Prescriptions.Application.FollowUps;
using Prescriptions.Application.Outcomes;
using Prescriptions.Application.Patients;
using Prescriptions.Application.Ports;
using Prescriptions.Application.Webhooks;
using Prescriptions.Application.Worklist;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Patients;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Domain.Readiness;

namespace Prescriptions.Application.Prescriptions;

/// <summary>
/// The prescription use cases, one method each, always within the caller's clinics: another clinic's prescription is
/// simply not found, so its existence is never revealed. Changes name the version they read (If-Match).
/// </summary>
public sealed partial class PrescriptionService(
    IPrescriptionRepository prescriptions,
    ILibraryProvider libraries,
    PrescriptionUpdates updates,
    PrescriptionReadiness readiness,
    IPatientDirectory patients,
    WorklistSummaries worklist,
    EventRecipients recipients,
    TimeProvider clock)
{
    /// <summary>The status the first answer of a create is recorded with, and replayed with.</summary>
    public const int CreatedStatus = 201;

    public static Outcome<AssembledProgram> Preview(ExerciseLibrary library, AssemblyRequest request) => ProgramChecks.Assemble(library, request);

    public async Task<Outcome<Versioned<Prescription>>> FindAsync(IReadOnlyList<string> clinicIds, string prescriptionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clinicIds);
        if (Prescription.IsWellFormedId(prescriptionId))
        {
            foreach (var clinicId in clinicIds)
            {
                if (await prescriptions.FindAsync(clinicId, prescriptionId, cancellationToken) is { } found)
                {
                    return found;
                }
            }
        }

        return Failure.NotFound($"No prescription '{prescriptionId}'.");
    }

    /// <summary>The guard of every change: found, still the version the caller read, and the action allowed in its status.</summary>
    public async Task<Outcome<Versioned<Prescription>>> FindChangeableAsync(IReadOnlyList<string> clinicIds, string prescriptionId, string ifMatch, LifecycleAction action, CancellationToken cancellationToken)
    {
        var found = await FindAsync(clinicIds, prescriptionId, cancellationToken);
        if (found.Value is not { } stored)
        {
            return found;
        }

        if (ifMatch != "*" && !string.Equals(ifMatch, stored.ETag, StringComparison.Ordinal))
        {
            return Failure.StaleVersion();
        }

        var status = stored.Value.Status.ToString().ToLowerInvariant();
        return stored.Value.Allows(action)
            ? stored
            : Failure.Conflict(action == LifecycleAction.Update
                ? $"A {status} prescription cannot be changed."
                : $"A {status} prescription cannot {action.ToString().ToLowerInvariant()}.");
    }

    /// <summary>Assembles (or re-checks the therapist's <paramref name="proposed"/> items) and stores a new draft; the same Idempotency-Key replays.</summary>
    public async Task<Outcome<CreatedPrescription>> CreateAsync(PrescriptionDraft draft, IReadOnlyList<ProposedItem>? proposed, ExerciseLibrary library, IdempotencyClaim? claim, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(actor);
        if (claim is not null && await ReplayAsync(draft.ClinicId, actor.Subject, claim, cancellationToken) is { } replay)
        {
            return replay;
        }

        var forPatient = await ForPatientAsync(draft, cancellationToken);
        if (forPatient.Value is not { } named)
        {
            return forPatient.Cast<CreatedPrescription>();
        }

        draft = named.Draft with { Request = draft.Request with { AsOf = draft.Request.AsOf ?? clock.GetUtcNow() } };
        var program = proposed is null ? ProgramChecks.Assemble(library, draft.Request) : ProgramChecks.Review(library, draft.Request, proposed);
        if (program.Value is null)
        {
            return program.Cast<CreatedPrescription>();
        }

        var assembled = program.Value with { EntryCriteria = ProgramChecks.JudgeEntry(library, draft.Request) };
        if (ProgramChecks.EntryBlocked(assembled, draft) is { } blocked)
        {
            return blocked;
        }

        var now = clock.GetUtcNow();
        var id = Prescription.NewId();
        var idempotency = claim is null ? null : new IdempotencyRecord(actor.Subject, claim.Key, claim.Fingerprint, id, CreatedStatus, now);
        try
        {
            var write = Prescription.Create(id, draft, assembled, actor, now, idempotency);
            var line = await worklist.AfterAsync(write.Prescription, WorklistChange.Created with { Patient = named.Registered }, cancellationToken);
            return new CreatedPrescription(await prescriptions.CreateAsync(recipients.Wanted(write), line, cancellationToken), Replayed: false);
        }
        catch (ConcurrencyConflictException) when (claim is not null)
        {
            // Another request with the same key won the race: answer as it did.
            return await ReplayAsync(draft.ClinicId, actor.Subject, claim, cancellationToken) ?? Failure.Conflict("The request conflicted with another one; try again.");
        }
    }

    /// <summary>
    /// The draft as it names its patient: a registered patient must be one of the clinic's (an erasure removes the patient
    /// first), and the follow-up takes the email and first name the request left out from the patient.
    /// </summary>
    private async Task<Outcome<NamedPatient>> ForPatientAsync(PrescriptionDraft draft, CancellationToken cancellationToken)
    {
        Patient? registered = null;
        // No read for an EHR's patient id: a create is one batch. An erasure under way removes the patient row first (so a
        // registered patient is refused below) and erases whatever the patient index holds until none is left.
        if (Patient.IsWellFormedId(draft.PatientId))
        {
            if (await patients.FindAsync(draft.ClinicId, draft.PatientId, cancellationToken) is not { } patient)
            {
                return Failure.Validation("patientId", "names no registered patient of the clinic");
            }

            registered = patient.Value;
            draft = draft with { FollowUp = draft.FollowUp is { } followUp ? RegisteredPatientContact.Complete(followUp, registered) : null };
        }

        return draft.FollowUp is { Email.Length: 0 }
            ? Failure.Validation("followUp.email", "must be an email address: the patient has none on record")
            : new NamedPatient(draft, registered);
    }

    /// <summary>The draft as it names its patient, and the registered patient it names (read once, for the worklist too).</summary>
    private sealed record NamedPatient(PrescriptionDraft Draft, Patient? Registered);

    public async Task<Outcome<Versioned<Prescription>>> ReplaceAsync(Versioned<Prescription> stored, PrescriptionReplacement replacement, ExerciseLibrary library, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(replacement);
        var current = stored.Value;
        var constraints = replacement.Constraints ?? current.Constraints;
        var request = await RequestAsOfNowAsync(current, cancellationToken) with { Constraints = constraints };
        var program = ProgramChecks.Review(library, request, replacement.Items);
        return program.Value is null
            ? program.Cast<Versioned<Prescription>>()
            : await updates.ReplaceAsync(stored, current.Replace(constraints, replacement.StartDate, replacement.Weeks, replacement.FollowUp, program.Value, actor, clock.GetUtcNow()), cancellationToken);
    }

    /// <summary>Activate, complete or cancel.</summary>
    public async Task<Outcome<Versioned<Prescription>>> TransitionAsync(IReadOnlyList<string> clinicIds, string prescriptionId, string ifMatch, LifecycleAction action, Actor actor, CancellationToken cancellationToken)
    {
        var found = await FindChangeableAsync(clinicIds, prescriptionId, ifMatch, action, cancellationToken);
        return found.Value is not { } stored
            ? found
            : await updates.ReplaceAsync(stored, stored.Value.Transition(action, actor, clock.GetUtcNow()), cancellationToken);
    }

    /// <summary>
    /// To the next phase when its exit criteria are met (or by <paramref name="byOverride"/>, with a reason): re-assembled,
    /// keeping the exclusions (in the constraints) and the therapist's own choices where still safe.
    /// </summary>
    public async Task<Outcome<Versioned<Prescription>>> AdvanceAsync(IReadOnlyList<string> clinicIds, string prescriptionId, string ifMatch, bool byOverride, string? reason, Actor actor, CancellationToken cancellationToken)
    {
        if (byOverride && string.IsNullOrWhiteSpace(reason))
        {
            return Failure.Validation("reason", "is required when override is true");
        }

        var context = await InPhaseAsync(await FindChangeableAsync(clinicIds, prescriptionId, ifMatch, LifecycleAction.Advance, cancellationToken), cancellationToken);
        if (context.Value is not var (stored, library, phase))
        {
            return context.Cast<Versioned<Prescription>>();
        }

        var current = stored.Value;
        if (library.FindCondition(current.ConditionId)!.FindPhase(current.Phase + 1) is null)
        {
            return Failure.Conflict($"Phase {current.Phase} is the last phase of {current.ConditionId}.");
        }

        // One read of the evidence: it judges the exit criteria and lifts the next phase's gates.
        var evidence = await readiness.EvidenceAsync(current, null, cancellationToken);
        var report = readiness.Evaluate(current, phase, evidence);
        if (!report.Ready && !byOverride)
        {
            return Failure.Conflict("The exit criteria of the current phase are not all met; send override: true with a reason to advance anyway.") with { Errors = UnmetErrors(report) };
        }

        var keep = current.Items.Concat(current.ClinicItems).Where(i => i.Source == ItemSource.Therapist).ToArray();
        var program = ProgramChecks.Assemble(library, current.ToAssemblyRequest(clock.GetUtcNow(), evidence) with { Phase = current.Phase + 1 }, keep);
        return program.Value is null
            ? program.Cast<Versioned<Prescription>>()
            : await updates.ReplaceAsync(stored, current.Advance(program.Value, report, reason, actor, clock.GetUtcNow()), cancellationToken);
    }

    /// <summary>One item one step along its exercise's chain, within the prescription's limits.</summary>
    public async Task<Outcome<Versioned<Prescription>>> StepItemAsync(IReadOnlyList<string> clinicIds, string prescriptionId, string ifMatch, string exerciseId, ProgressionDirection direction, Actor actor, CancellationToken cancellationToken)
    {
        var context = await InPhaseAsync(await FindChangeableAsync(clinicIds, prescriptionId, ifMatch, LifecycleAction.Update, cancellationToken), cancellationToken);
        if (context.Value is not var (stored, library, phase))
        {
            return context.Cast<Versioned<Prescription>>();
        }

        var current = stored.Value;
        var items = current.Items.Concat(current.ClinicItems).ToList();
        var request = await RequestAsOfNowAsync(current, cancellationToken);
        var step = ItemProgression.Step(library, phase, request, items, exerciseId, direction);
        return step.Outcome switch
        {
            ProgressionOutcome.ItemNotFound => Failure.NotFound(step.Message),
            ProgressionOutcome.NoStep => Failure.Conflict(step.Message),
            ProgressionOutcome.Unsafe => Failure.RuleViolation(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                [$"items[{items.FindIndex(i => i.ExerciseId == exerciseId)}]"] = [step.Message],
            }),
            _ => await updates.ReplaceAsync(stored, current.Step(step.Items, library.Version, step.Message, actor, clock.GetUtcNow()), cancellationToken),
        };
    }

    /// <summary>Exit criteria met, not met or unknown, from the measurements and the check-ins.</summary>
    public async Task<Outcome<ReadinessReport>> ReadinessAsync(IReadOnlyList<string> clinicIds, string prescriptionId, CancellationToken cancellationToken)
    {
        var context = await InPhaseAsync(await FindAsync(clinicIds, prescriptionId, cancellationToken), cancellationToken);
        return context.Value is var (stored, _, phase) ? await readiness.EvaluateAsync(stored.Value, phase, null, cancellationToken) : context.Cast<ReadinessReport>();
    }

    /// <summary>Records a therapist's measurement (evidence for readiness) with its audit entry.</summary>
    public async Task<Outcome<Measurement>> RecordMeasurementAsync(IReadOnlyList<string> clinicIds, string prescriptionId, MeasurementInput input, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow();
        var errors = new List<(string, string)>();
        if (input.Measure is null || !MeasureName().IsMatch(input.Measure))
        {
            errors.Add(("measure", "must be a camelCase measure name such as kneeFlexionDegrees"));
        }

        if (input.Value is not { } value || double.IsNaN(value) || double.IsInfinity(value))
        {
            errors.Add(("value", "must be a number"));
        }

        if (string.IsNullOrWhiteSpace(input.Unit) || input.Unit.Length > 32)
        {
            errors.Add(("unit", "is required (for example degrees, percent, seconds, nrs)"));
        }

        if (input.RecordedAt > now.AddMinutes(5))
        {
            errors.Add(("recordedAt", "must not be in the future"));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(FieldErrors.From(errors));
        }

        var found = await FindAsync(clinicIds, prescriptionId, cancellationToken);
        if (found.Value is not { } stored)
        {
            return found.Cast<Measurement>();
        }

        var measurement = new Measurement(input.Measure!, input.Value!.Value, input.Unit!, input.RecordedAt ?? now, actor.Subject);
        var line = await worklist.AfterAsync(stored.Value, new WorklistChange { Measured = measurement }, cancellationToken);
        await prescriptions.AddMeasurementAsync(stored.Value.ClinicId, stored.Value.Id, measurement, stored.Value.Measured(measurement, actor, now), line, cancellationToken);
        return measurement;
    }

    /// <summary>A patient's prescriptions in one clinic, newest first, a page at a time.</summary>
    public async Task<Outcome<ResultPage<Prescription>>> ListForPatientAsync(string clinicId, string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        CheckPatientId(patientId) is { Failure: { } failure }
            ? failure
            : await prescriptions.ListByPatientAsync(clinicId, patientId, pageSize, continuationToken, cancellationToken);

    /// <summary>A patient id as the EHRs send them; checked before anything else about a request that names one.</summary>
    public static Outcome<string> CheckPatientId(string? patientId) =>
        patientId is not null && PatientId().IsMatch(patientId) ? patientId : Failure.Validation("patientId", "must be 1-64 letters, digits, '.', '_' or '-'");

    /// <summary>The prescriptions stored under an EHR's id, newest first; only the caller's clinics are searched.</summary>
    public async Task<Outcome<IReadOnlyList<Prescription>>> FindByExternalIdAsync(IReadOnlyList<string> clinicIds, string? externalId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clinicIds);
        if (string.IsNullOrEmpty(externalId) || externalId.Length > 128)
        {
            return Failure.Validation("externalId", "is required (1-128 characters): the EHR's own id");
        }

        var found = new List<Prescription>();
        foreach (var clinicId in clinicIds)
        {
            found.AddRange(await prescriptions.FindByExternalIdAsync(clinicId, externalId, cancellationToken));
        }

        return found.OrderByDescending(p => p.CreatedAt).ToList();
    }

    /// <summary>A prescription's audit trail, newest first, a page at a time.</summary>
    public async Task<Outcome<ResultPage<AuditEntry>>> HistoryAsync(IReadOnlyList<string> clinicIds, string prescriptionId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var found = await FindAsync(clinicIds, prescriptionId, cancellationToken);
        return found.Value is { Value: var prescription }
            ? await prescriptions.HistoryAsync(prescription.ClinicId, prescription.Id, pageSize, continuationToken, cancellationToken)
            : found.Cast<ResultPage<AuditEntry>>();
    }

    /// <summary>The first answer for this caller's key: replayed for the same request, refused for another; null when there is none.</summary>
    private async Task<Outcome<CreatedPrescription>?> ReplayAsync(string clinicId, string caller, IdempotencyClaim claim, CancellationToken cancellationToken)
    {
        var first = await prescriptions.FindIdempotencyAsync(clinicId, caller, claim.Key, cancellationToken);
        if (first is null)
        {
            return null;
        }

        if (first.RequestHash != claim.Fingerprint)
        {
            return Failure.RuleViolation(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                [IdempotencyClaim.Field] = ["was already used for a different request; use a new key for a new request"],
            }) with { Title = "The Idempotency-Key was used for another request." };
        }

        return await prescriptions.FindAsync(clinicId, first.PrescriptionId, cancellationToken) is { } created
            ? new CreatedPrescription(created, Replayed: true)
            : Failure.NotFound($"No prescription '{first.PrescriptionId}'.");
    }

    /// <summary>A found prescription with the library in force and its phase there (a conflict when the library no longer has it).</summary>
    private async Task<Outcome<PrescriptionInPhase>> InPhaseAsync(Outcome<Versioned<Prescription>> found, CancellationToken cancellationToken)
    {
        if (found.Value is not { } stored)
        {
            return found.Cast<PrescriptionInPhase>();
        }

        var library = await libraries.GetCurrentAsync(cancellationToken);
        var phase = ProgramChecks.PhaseOf(library, stored.Value.ConditionId, stored.Value.Phase);
        return phase.Value is { } current ? new PrescriptionInPhase(stored, library, current) : phase.Cast<PrescriptionInPhase>();
    }

    /// <summary>The prescription's engine request as of now, with the measurements and check-ins that gates are judged by.</summary>
    private async Task<AssemblyRequest> RequestAsOfNowAsync(Prescription prescription, CancellationToken cancellationToken) =>
        prescription.ToAssemblyRequest(clock.GetUtcNow(), await readiness.EvidenceAsync(prescription, null, cancellationToken));

    private static Dictionary<string, string[]> UnmetErrors(ReadinessReport readiness)
    {
        var errors = readiness.Unmet.ToDictionary(
            c => $"criteria.{c.Criterion.Measure}",
            c => new[] { $"{c.Status.ToString().ToLowerInvariant()}: {c.Explanation}" },
            StringComparer.Ordinal);
        if (readiness.DaysInPhase < readiness.MinDays)
        {
            errors["criteria.minDays"] = [$"not met: {readiness.DaysInPhase} of at least {readiness.MinDays} days in the phase"];
        }

        return errors;
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]{0,63}$")]
    private static partial Regex MeasureName();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex PatientId();
}
