using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Domain.Tenancy;
using Prescriptions.Functions.Api.Contracts;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>Assemble (preview), create and read prescriptions, always within the caller's clinics.</summary>
public sealed class PrescriptionFunctions(
    ApiHandler api,
    ILibraryProvider libraries,
    IPrescriptionRepository prescriptions,
    OwnPrescriptions ownPrescriptions,
    TimeProvider clock)
{
    private static readonly ApiAccess Prescribers = ApiAccess.Roles(Roles.Therapist, Roles.Partner);

    [Function("PreviewPrescription")]
    public Task<IActionResult> Preview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions/preview")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Prescribers, async call =>
        {
            var body = await call.ReadJsonAsync<AssembleBody>();
            var library = await libraries.GetCurrentAsync(call.CancellationToken);
            var errors = new ValidationErrors();
            var assembly = PrescriptionRequestValidator.ToAssemblyRequest(body, library, errors);
            errors.ThrowIfAny();
            ResolveClinic(call.Caller, body.ClinicId);
            return ApiResult.Json(Assemble(library, assembly!));
        }, cancellationToken);

    [Function("CreatePrescription")]
    public Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Prescribers, async call =>
        {
            var body = await call.ReadJsonAsync<CreatePrescriptionBody>();
            var library = await libraries.GetCurrentAsync(call.CancellationToken);
            var errors = new ValidationErrors();
            var assembly = PrescriptionRequestValidator.ToAssemblyRequest(body, library, errors);
            var proposed = PrescriptionRequestValidator.ToProposedItems(body.Items, errors);
            var followUp = PrescriptionRequestValidator.ToFollowUp(body.FollowUp, errors);
            PrescriptionRequestValidator.CheckSchedule(body.Weeks, body.ExternalId, errors);
            errors.ThrowIfAny();
            var clinicId = ResolveClinic(call.Caller, body.ClinicId);

            var program = proposed is null ? Assemble(library, assembly!) : Review(library, assembly!, proposed);
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
                ClinicItems = program.ClinicItems,
                Warnings = program.Warnings,
                EstimatedMinutesPerSession = program.EstimatedMinutesPerSession,
                LibraryVersion = library.Version,
                StartDate = body.StartDate,
                Weeks = body.Weeks,
                ExternalId = body.ExternalId,
                FollowUp = followUp,
                CreatedAt = now,
                CreatedBy = call.Caller.Subject,
                UpdatedAt = now,
                UpdatedBy = call.Caller.Subject,
                Version = 1,
            };
            var stored = await prescriptions.CreateAsync(prescription, call.CancellationToken);
            return ApiResult.Json(stored.Value, StatusCodes.Status201Created, new Dictionary<string, string>
            {
                ["ETag"] = stored.ETag,
                ["Location"] = $"/api/prescriptions/{prescription.Id}",
            });
        }, cancellationToken);

    [Function("GetPrescription")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "prescriptions/{prescriptionId}")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Prescribers, async call =>
        {
            var found = await ownPrescriptions.FindAsync(call, prescriptionId);
            return ApiResult.Json(found.Value, headers: new Dictionary<string, string> { ["ETag"] = found.ETag });
        }, cancellationToken);

    [Function("ReplacePrescription")]
    public Task<IActionResult> Replace(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "prescriptions/{prescriptionId}")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Prescribers, async call =>
        {
            var ifMatch = Preconditions.RequireIfMatch(call);
            var body = await call.ReadJsonAsync<ReplacePrescriptionBody>();
            var stored = await ownPrescriptions.FindAsync(call, prescriptionId);
            Preconditions.EnsureCurrent(ifMatch, stored);
            var current = EnsureChangeable(stored.Value);

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
            if (library.FindCondition(current.ConditionId)?.FindPhase(current.Phase) is null)
            {
                throw new ApiProblemException(Problems.Conflict($"Library {library.Version} no longer has {current.ConditionId} phase {current.Phase}."));
            }

            var program = Review(library, current.ToAssemblyRequest() with { Constraints = constraints! }, proposed!);
            var now = clock.GetUtcNow();
            var replaced = current with
            {
                Constraints = constraints!,
                Items = program.Items,
                ClinicItems = program.ClinicItems,
                Warnings = program.Warnings,
                EstimatedMinutesPerSession = program.EstimatedMinutesPerSession,
                LibraryVersion = library.Version,
                StartDate = body.StartDate,
                Weeks = body.Weeks,
                FollowUp = followUp,
                UpdatedAt = now,
                UpdatedBy = call.Caller.Subject,
                Version = current.Version + 1,
            };
            var saved = await prescriptions.ReplaceAsync(replaced, stored.ETag, call.CancellationToken);
            return ApiResult.Json(saved.Value, headers: new Dictionary<string, string> { ["ETag"] = saved.ETag });
        }, cancellationToken);

    [Function("ProgressPrescriptionItem")]
    public Task<IActionResult> ProgressItem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions/{prescriptionId}/items/{exerciseId}/progress")] HttpRequest request,
        string prescriptionId,
        string exerciseId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Prescribers, call => StepItemAsync(call, prescriptionId, exerciseId, ProgressionDirection.Progress), cancellationToken);

    [Function("RegressPrescriptionItem")]
    public Task<IActionResult> RegressItem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions/{prescriptionId}/items/{exerciseId}/regress")] HttpRequest request,
        string prescriptionId,
        string exerciseId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Prescribers, call => StepItemAsync(call, prescriptionId, exerciseId, ProgressionDirection.Regress), cancellationToken);

    /// <summary>Moves one item a step along its chain; the new exercise must keep every hard rule of the prescription.</summary>
    private async Task<IActionResult> StepItemAsync(ApiRequest call, string prescriptionId, string exerciseId, ProgressionDirection direction)
    {
        var ifMatch = Preconditions.RequireIfMatch(call);
        var stored = await ownPrescriptions.FindAsync(call, prescriptionId);
        Preconditions.EnsureCurrent(ifMatch, stored);
        var current = EnsureChangeable(stored.Value);
        var library = await libraries.GetCurrentAsync(call.CancellationToken);
        var phase = library.FindCondition(current.ConditionId)?.FindPhase(current.Phase)
            ?? throw new ApiProblemException(Problems.Conflict($"Library {library.Version} no longer has {current.ConditionId} phase {current.Phase}."));
        var items = current.Items.Concat(current.ClinicItems).ToList();
        var step = ItemProgression.Step(library, phase, current.ToAssemblyRequest(), items, exerciseId, direction);
        switch (step.Outcome)
        {
            case ProgressionOutcome.ItemNotFound:
                throw new ApiProblemException(Problems.NotFound(step.Message));
            case ProgressionOutcome.NoStep:
                throw new ApiProblemException(Problems.Conflict(step.Message));
            case ProgressionOutcome.Unsafe:
                throw new ApiProblemException(Problems.RuleViolation(new Dictionary<string, string[]>
                {
                    [$"items[{items.FindIndex(i => i.ExerciseId == exerciseId)}]"] = [step.Message],
                }));
        }

        var changed = current with
        {
            Items = [.. step.Items.Where(i => i.Delivery == Delivery.Home)],
            ClinicItems = [.. step.Items.Where(i => i.Delivery == Delivery.Clinic)],
            EstimatedMinutesPerSession = (int)Math.Ceiling(step.Items.Where(i => i.Delivery == Delivery.Home).Sum(i => i.Dose.EstimatedSeconds) / 60.0),
            LibraryVersion = library.Version,
            UpdatedAt = clock.GetUtcNow(),
            UpdatedBy = call.Caller.Subject,
            Version = current.Version + 1,
        };
        var saved = await prescriptions.ReplaceAsync(changed, stored.ETag, call.CancellationToken);
        return ApiResult.Json(saved.Value, headers: new Dictionary<string, string> { ["ETag"] = saved.ETag });
    }

    private static Prescription EnsureChangeable(Prescription prescription) =>
        prescription.Status is PrescriptionStatus.Draft or PrescriptionStatus.Active
            ? prescription
            : throw new ApiProblemException(Problems.Conflict($"A {prescription.Status.ToString().ToLowerInvariant()} prescription cannot be changed."));

    private static AssembledProgram Assemble(ExerciseLibrary library, AssemblyRequest request)
    {
        var result = ProgramAssembler.Assemble(library, request);
        if (result.Program is null)
        {
            var errors = new ValidationErrors();
            errors.AddRange(result.Problems);
            errors.ThrowIfAny();
        }

        return result.Program!;
    }

    private static AssembledProgram Review(ExerciseLibrary library, AssemblyRequest request, IReadOnlyList<ProposedItem> proposed)
    {
        var phase = library.FindCondition(request.ConditionId)!.FindPhase(request.Phase)!;
        var review = ItemReview.Review(library, phase, request, proposed);
        if (review.InvalidFields.Count > 0)
        {
            var errors = new ValidationErrors();
            errors.AddRange(review.InvalidFields);
            errors.ThrowIfAny();
        }

        if (review.RuleViolations.Count > 0)
        {
            var violations = new ValidationErrors();
            violations.AddRange(review.RuleViolations);
            throw new ApiProblemException(Problems.RuleViolation(violations.ToDictionary()));
        }

        return new AssembledProgram
        {
            ConditionId = request.ConditionId,
            Phase = request.Phase,
            LibraryVersion = library.Version,
            Items = review.Items,
            ClinicItems = review.ClinicItems,
            EstimatedMinutesPerSession = review.EstimatedMinutesPerSession,
            Warnings = [],
        };
    }

    /// <summary>The clinic a new prescription belongs to: one of the caller's, never one the caller does not have.</summary>
    private static string ResolveClinic(Caller caller, string? requested)
    {
        if (caller.ClinicIds.Count == 0)
        {
            throw new ApiProblemException(Problems.Forbidden("Your token is not mapped to any clinic."));
        }

        if (requested is not null)
        {
            return caller.BelongsTo(requested)
                ? requested
                : throw new ApiProblemException(Problems.Forbidden($"You do not act for clinic '{requested}'.") with
                {
                    Errors = new Dictionary<string, string[]> { ["clinicId"] = ["is not one of your clinics"] },
                });
        }

        return caller.ClinicIds.Count == 1
            ? caller.ClinicIds[0]
            : throw new ApiProblemException(Problems.Validation("clinicId", $"is required: you act for {caller.ClinicIds.Count} clinics"));
    }


}
