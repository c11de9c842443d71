using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Functions.Api.Contracts;
using Prescriptions.Functions.FollowUps;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>Assemble (preview), create, read and replace prescriptions, always within the caller's clinics.</summary>
public sealed class PrescriptionFunctions(
    ApiHandler api,
    ILibraryProvider libraries,
    IPrescriptionRepository prescriptions,
    OwnPrescriptions ownPrescriptions,
    PrescriptionUpdates updates,
    TimeProvider clock)
{

    [Function("PreviewPrescription")]
    public Task<IActionResult> Preview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions/preview")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            var body = await call.ReadJsonAsync<AssembleBody>();
            var library = await libraries.GetCurrentAsync(call.CancellationToken);
            var errors = new ValidationErrors();
            var assembly = PrescriptionRequestValidator.ToAssemblyRequest(body, library, errors);
            errors.ThrowIfAny();
            ClinicResolution.Resolve(call.Caller, body.ClinicId);
            return ApiResult.Json(ProgramChecks.Assemble(library, assembly!));
        }, cancellationToken);

    [Function("CreatePrescription")]
    public Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            var idempotencyKey = IdempotencyKeys.From(call);
            var body = await call.ReadJsonAsync<CreatePrescriptionBody>();
            var library = await libraries.GetCurrentAsync(call.CancellationToken);
            var errors = new ValidationErrors();
            var assembly = PrescriptionRequestValidator.ToAssemblyRequest(body, library, errors);
            var proposed = PrescriptionRequestValidator.ToProposedItems(body.Items, errors);
            var followUp = PrescriptionRequestValidator.ToFollowUp(body.FollowUp, errors);
            PrescriptionRequestValidator.CheckSchedule(body.Weeks, body.ExternalId, errors);
            errors.ThrowIfAny();
            var clinicId = ClinicResolution.Resolve(call.Caller, body.ClinicId);

            var fingerprint = IdempotencyKeys.Fingerprint("POST /api/prescriptions", body);
            if (idempotencyKey is not null && await ReplayAsync(call, clinicId, idempotencyKey, fingerprint) is { } replay)
            {
                return replay;
            }

            var program = proposed is null ? ProgramChecks.Assemble(library, assembly!) : ProgramChecks.Review(library, assembly!, proposed);
            var now = clock.GetUtcNow();
            var prescription = new Prescription
            {
                Id = OwnPrescriptions.NewId(),
                ClinicId = clinicId,
                PatientId = body.PatientId!,
                ConditionId = program.ConditionId,
                Phase = program.Phase,
                Side = body.Side,
                Status = PrescriptionStatus.Draft,
                Constraints = assembly!.Constraints,
                OtherConditions = assembly.OtherConditions,
                Items = program.Items,
                EstimatedMinutesPerSession = program.EstimatedMinutesPerSession,
                LibraryVersion = program.LibraryVersion,
                StartDate = body.StartDate,
                Weeks = body.Weeks,
                ExternalId = body.ExternalId,
                FollowUp = followUp,
                CreatedAt = now,
                CreatedBy = call.Caller.Subject,
                UpdatedAt = now,
                UpdatedBy = call.Caller.Subject,
                Version = 1,
            }.WithProgram(program);
            var idempotency = idempotencyKey is null
                ? null
                : new IdempotencyRecord(call.Caller.Subject, idempotencyKey, fingerprint, prescription.Id, StatusCodes.Status201Created, now);
            var write = PrescriptionChanges.Describe(call, null, prescription, EventTypes.Created,
                $"Created for patient {prescription.PatientId}: {prescription.ConditionId} phase {prescription.Phase}, {prescription.Items.Count} home item(s).", idempotency);
            try
            {
                return PrescriptionAnswers.Read(await prescriptions.CreateAsync(write, call.CancellationToken), StatusCodes.Status201Created);
            }
            catch (ConcurrencyConflictException) when (idempotencyKey is not null)
            {
                // Another request with the same key won the race: answer as it did.
                return await ReplayAsync(call, clinicId, idempotencyKey, fingerprint) ?? throw new ApiProblemException(Problems.Conflict("The request conflicted with another one; try again."));
            }
        }, cancellationToken);

    [Function("GetPrescription")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "prescriptions/{prescriptionId}")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call => PrescriptionAnswers.Read(await ownPrescriptions.FindAsync(call, prescriptionId)), cancellationToken);

    [Function("ReplacePrescription")]
    public Task<IActionResult> Replace(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "prescriptions/{prescriptionId}")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            var ifMatch = Preconditions.RequireIfMatch(call);
            var body = await call.ReadJsonAsync<ReplacePrescriptionBody>();
            var stored = await ownPrescriptions.FindAsync(call, prescriptionId);
            Preconditions.EnsureCurrent(ifMatch, stored);
            var current = PrescriptionAnswers.EnsureChangeable(stored.Value);

            var library = await libraries.GetCurrentAsync(call.CancellationToken);
            var errors = new ValidationErrors();
            var constraints = body.Constraints is null ? current.Constraints : PrescriptionRequestValidator.ToConstraints(body.Constraints, library, errors);
            if (body.Items is null)
            {
                errors.Add("items", "is required: PUT replaces the item list");
            }

            var proposed = PrescriptionRequestValidator.ToProposedItems(body.Items, errors);
            var followUp = PrescriptionRequestValidator.ToFollowUp(body.FollowUp, errors);
            PrescriptionRequestValidator.CheckSchedule(body.Weeks, null, errors);
            errors.ThrowIfAny();

            var program = ProgramChecks.Review(library, current.ToAssemblyRequest() with { Constraints = constraints! }, proposed!);
            // A patient's opt-out stands until the therapist gives another address.
            if (followUp is not null && current.FollowUp is { OptedOutAt: not null } before && string.Equals(before.Email, followUp.Email, StringComparison.OrdinalIgnoreCase))
            {
                followUp = followUp with { OptedOutAt = before.OptedOutAt };
            }

            var replaced = (current with { Constraints = constraints!, StartDate = body.StartDate, Weeks = body.Weeks, FollowUp = followUp })
                .WithProgram(program)
                .ChangedBy(call.Caller.Subject, clock.GetUtcNow());
            var write = PrescriptionChanges.Describe(call, current, replaced, EventTypes.Updated, "Items, doses and schedule replaced.");
            return PrescriptionAnswers.Read(await updates.ReplaceAsync(stored, write, call.CancellationToken));
        }, cancellationToken);

    /// <summary>The first answer for this caller's key: replayed for the same request, 422 for another.</summary>
    private async Task<IActionResult?> ReplayAsync(ApiRequest call, string clinicId, string key, string fingerprint)
    {
        var first = await prescriptions.FindIdempotencyAsync(clinicId, call.Caller.Subject, key, call.CancellationToken);
        if (first is null)
        {
            return null;
        }

        if (first.RequestHash != fingerprint)
        {
            throw new ApiProblemException(Problems.RuleViolation(new Dictionary<string, string[]>
            {
                [IdempotencyKeys.HeaderName] = ["was already used for a different request; use a new key for a new request"],
            }) with { Title = "The Idempotency-Key was used for another request." });
        }

        var created = await prescriptions.FindAsync(clinicId, first.PrescriptionId, call.CancellationToken)
            ?? throw new ApiProblemException(Problems.NotFound($"No prescription '{first.PrescriptionId}'."));
        return PrescriptionAnswers.Read(created, first.Status, new Dictionary<string, string> { [IdempotencyKeys.ReplayedHeader] = "true" });
    }
}
