using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Functions.FollowUps;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>Progress or regress one item along its exercise's chain, within the prescription's limits.</summary>
public sealed class PrescriptionItemFunctions(
    ApiHandler api,
    ILibraryProvider libraries,
    OwnPrescriptions ownPrescriptions,
    PrescriptionUpdates updates,
    TimeProvider clock)
{
    [Function("ProgressPrescriptionItem")]
    public Task<IActionResult> Progress(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions/{prescriptionId}/items/{exerciseId}/progress")] HttpRequest request,
        string prescriptionId,
        string exerciseId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, call => StepAsync(call, prescriptionId, exerciseId, ProgressionDirection.Progress), cancellationToken);

    [Function("RegressPrescriptionItem")]
    public Task<IActionResult> Regress(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions/{prescriptionId}/items/{exerciseId}/regress")] HttpRequest request,
        string prescriptionId,
        string exerciseId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, call => StepAsync(call, prescriptionId, exerciseId, ProgressionDirection.Regress), cancellationToken);

    private async Task<IActionResult> StepAsync(ApiRequest call, string prescriptionId, string exerciseId, ProgressionDirection direction)
    {
        var ifMatch = Preconditions.RequireIfMatch(call);
        var stored = await ownPrescriptions.FindAsync(call, prescriptionId);
        Preconditions.EnsureCurrent(ifMatch, stored);
        var current = PrescriptionAnswers.EnsureChangeable(stored.Value);
        var library = await libraries.GetCurrentAsync(call.CancellationToken);
        var phase = ProgramChecks.PhaseOf(library, current.ConditionId, current.Phase);
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

        var home = step.Items.Where(i => i.Delivery == Delivery.Home).ToArray();
        var changed = current.WithProgram(new AssembledProgram
        {
            ConditionId = current.ConditionId,
            Phase = current.Phase,
            LibraryVersion = library.Version,
            Items = home,
            ClinicItems = [.. step.Items.Where(i => i.Delivery == Delivery.Clinic)],
            EstimatedMinutesPerSession = (int)Math.Ceiling(home.Sum(i => i.Dose.EstimatedSeconds) / 60.0),
            Warnings = current.Warnings,
        }).ChangedBy(call.Caller.Subject, clock.GetUtcNow());
        var write = PrescriptionChanges.Describe(call, current, changed, EventTypes.Updated, step.Message);
        return PrescriptionAnswers.Read(await updates.ReplaceAsync(stored, write, call.CancellationToken));
    }
}
