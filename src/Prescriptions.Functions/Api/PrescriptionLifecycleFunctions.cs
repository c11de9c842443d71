using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Domain.Readiness;
using Prescriptions.Functions.Api.Contracts;
using Prescriptions.Functions.FollowUps;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>Status changes (activate, complete, cancel), phase advance by criteria, readiness and measurements.</summary>
public sealed partial class PrescriptionLifecycleFunctions(
    ApiHandler api,
    ILibraryProvider libraries,
    IPrescriptionRepository prescriptions,
    OwnPrescriptions ownPrescriptions,
    PrescriptionUpdates updates,
    PrescriptionReadiness readinessCheck,
    TimeProvider clock)
{
    [Function("ActivatePrescription")]
    public Task<IActionResult> Activate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions/{prescriptionId}/activate")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, call => TransitionAsync(call, prescriptionId, LifecycleAction.Activate), cancellationToken);

    [Function("CompletePrescription")]
    public Task<IActionResult> Complete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions/{prescriptionId}/complete")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, call => TransitionAsync(call, prescriptionId, LifecycleAction.Complete), cancellationToken);

    [Function("CancelPrescription")]
    public Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions/{prescriptionId}/cancel")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, call => TransitionAsync(call, prescriptionId, LifecycleAction.Cancel), cancellationToken);

    [Function("AdvancePrescription")]
    public Task<IActionResult> Advance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions/{prescriptionId}/advance")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            var ifMatch = Preconditions.RequireIfMatch(call);
            var body = request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0
                ? await call.ReadJsonAsync<AdvanceBody>()
                : new AdvanceBody(null, null);
            if (body.Override == true && string.IsNullOrWhiteSpace(body.Reason))
            {
                throw new ApiProblemException(Problems.Validation("reason", "is required when override is true"));
            }

            var stored = await ownPrescriptions.FindAsync(call, prescriptionId);
            Preconditions.EnsureCurrent(ifMatch, stored);
            var current = EnsureAllowed(stored.Value, LifecycleAction.Advance);
            var library = await libraries.GetCurrentAsync(call.CancellationToken);
            var phase = ProgramChecks.PhaseOf(library, current.ConditionId, current.Phase);
            if (library.FindCondition(current.ConditionId)!.FindPhase(current.Phase + 1) is null)
            {
                throw new ApiProblemException(Problems.Conflict($"Phase {current.Phase} is the last phase of {current.ConditionId}."));
            }

            var readiness = await EvaluateAsync(current, phase, call.CancellationToken);
            if (!readiness.Ready && body.Override != true)
            {
                throw new ApiProblemException(Problems.Conflict("The exit criteria of the current phase are not all met; send override: true with a reason to advance anyway.") with
                {
                    Errors = UnmetErrors(readiness),
                });
            }

            // Re-assemble for the next phase, keeping the exclusions (in the constraints) and the therapist's own choices where still safe.
            var next = current.ToAssemblyRequest() with { Phase = current.Phase + 1 };
            var keep = current.Items.Concat(current.ClinicItems).Where(i => i.Source == Domain.Assembly.ItemSource.Therapist).ToArray();
            var program = ProgramChecks.Assemble(library, next, keep);
            var now = clock.GetUtcNow();
            var advanced = (current with { Phase = next.Phase, PhaseStartedAt = now }).WithProgram(program).ChangedBy(call.Caller.Subject, now);
            var summary = readiness.Ready
                ? $"Advanced to phase {next.Phase}: every exit criterion of phase {current.Phase} met."
                : $"Advanced to phase {next.Phase} by override with {readiness.Unmet.Count()} criterion/criteria unmet. Reason: {body.Reason}";
            var write = PrescriptionChanges.Describe(call, current, advanced, EventTypes.PhaseAdvanced, summary);
            return PrescriptionAnswers.Read(await updates.ReplaceAsync(stored, write, call.CancellationToken));
        }, cancellationToken);

    [Function("GetPrescriptionReadiness")]
    public Task<IActionResult> Readiness(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "prescriptions/{prescriptionId}/readiness")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            var stored = await ownPrescriptions.FindAsync(call, prescriptionId);
            var library = await libraries.GetCurrentAsync(call.CancellationToken);
            var phase = ProgramChecks.PhaseOf(library, stored.Value.ConditionId, stored.Value.Phase);
            return ApiResult.Json(await EvaluateAsync(stored.Value, phase, call.CancellationToken));
        }, cancellationToken);

    [Function("RecordMeasurement")]
    public Task<IActionResult> RecordMeasurement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions/{prescriptionId}/measurements")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            var body = await call.ReadJsonAsync<MeasurementBody>();
            var now = clock.GetUtcNow();
            var errors = new ValidationErrors();
            if (body.Measure is null || !MeasureName().IsMatch(body.Measure))
            {
                errors.Add("measure", "must be a camelCase measure name such as kneeFlexionDegrees");
            }

            if (body.Value is not { } value || double.IsNaN(value) || double.IsInfinity(value))
            {
                errors.Add("value", "must be a number");
            }

            if (string.IsNullOrWhiteSpace(body.Unit) || body.Unit.Length > 32)
            {
                errors.Add("unit", "is required (for example degrees, percent, seconds, nrs)");
            }

            if (body.RecordedAt > now.AddMinutes(5))
            {
                errors.Add("recordedAt", "must not be in the future");
            }

            errors.ThrowIfAny();
            var stored = await ownPrescriptions.FindAsync(call, prescriptionId);
            var measurement = new Measurement(body.Measure!, body.Value!.Value, body.Unit!, body.RecordedAt ?? now, call.Caller.Subject);
            var audit = new AuditEntry(stored.Value.Id, now, call.Caller.Subject, call.Caller.Kind, "measurementRecorded",
                $"Recorded {measurement.Measure} = {measurement.Value} {measurement.Unit}.", [], $"correlation id {call.CorrelationId}", stored.Value.Version);
            await prescriptions.AddMeasurementAsync(stored.Value.ClinicId, stored.Value.Id, measurement, audit, call.CancellationToken);
            return ApiResult.Json(measurement, StatusCodes.Status201Created);
        }, cancellationToken);

    private async Task<IActionResult> TransitionAsync(ApiRequest call, string prescriptionId, LifecycleAction action)
    {
        var ifMatch = Preconditions.RequireIfMatch(call);
        var stored = await ownPrescriptions.FindAsync(call, prescriptionId);
        Preconditions.EnsureCurrent(ifMatch, stored);
        var current = EnsureAllowed(stored.Value, action);
        var now = clock.GetUtcNow();
        var changed = (current with
        {
            Status = PrescriptionLifecycle.StatusAfter(current.Status, action),
            PhaseStartedAt = action == LifecycleAction.Activate ? current.PhaseStartedAt ?? now : current.PhaseStartedAt,
            ActivatedAt = action == LifecycleAction.Activate ? now : current.ActivatedAt,
        }).ChangedBy(call.Caller.Subject, now);
        var write = PrescriptionChanges.Describe(call, current, changed, PrescriptionLifecycle.EventType(action),
            $"Status {current.Status.ToString().ToLowerInvariant()} -> {changed.Status.ToString().ToLowerInvariant()}.");
        return PrescriptionAnswers.Read(await updates.ReplaceAsync(stored, write, call.CancellationToken));
    }

    private static Prescription EnsureAllowed(Prescription prescription, LifecycleAction action) =>
        PrescriptionLifecycle.IsAllowed(prescription.Status, action)
            ? prescription
            : throw new ApiProblemException(Problems.Conflict(
                $"A {prescription.Status.ToString().ToLowerInvariant()} prescription cannot {action.ToString().ToLowerInvariant()}."));

    private Task<ReadinessReport> EvaluateAsync(Prescription prescription, Phase phase, CancellationToken cancellationToken) =>
        readinessCheck.EvaluateAsync(prescription, phase, null, cancellationToken);

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
}
