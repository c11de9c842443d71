using Prescriptions.Application.Outcomes;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Application.Tests.Fakes;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Testing;

using static Prescriptions.Application.Tests.Fakes.Given;

namespace Prescriptions.Application.Tests;

/// <summary>Safe swaps for an item of a preview or of a stored prescription: the engine's rules, ranked, nothing stored.</summary>
public sealed class ItemAlternativesTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static ExerciseLibrary Library => ShippedLibrary.Indexed;

    private static AssemblyRequest Request => AnkleDraft().Request;

    private static AssembledProgram Preview(AssemblyRequest request) => PrescriptionService.Preview(Library, request).Value!;

    [Fact]
    public void Every_alternative_keeps_the_precautions_fills_the_same_slot_and_is_not_already_in_the_program()
    {
        var program = Preview(Request);
        var item = program.Items[0];

        var result = PrescriptionService.PreviewAlternatives(Library, Request, item.ExerciseId, null).Value!;

        var phase = Library.FindCondition(Request.ConditionId)!.FindPhase(Request.Phase)!;
        var slot = phase.Slots[result.Slot - 1];
        var precautions = PrecautionSet.For(Library, phase, Request).Precautions;
        Assert.Equal((item.Slot, item.ExerciseId), (result.Slot, result.ReplacingExerciseId));
        Assert.NotEmpty(result.Alternatives);
        var inProgram = program.Items.Concat(program.ClinicItems).Select(i => i.ExerciseId).ToHashSet(StringComparer.Ordinal);
        var otherSeconds = program.Items.Where(i => i.ExerciseId != item.ExerciseId).Sum(i => i.Dose.EstimatedSeconds);
        foreach (var alternative in result.Alternatives)
        {
            var exercise = Library.FindExercise(alternative.ExerciseId)!;
            Assert.True(SafetyRules.IsSafe(exercise, precautions, alternative.Dose), alternative.Name);
            Assert.True(SlotMatcher.Fits(exercise, slot), alternative.Name);
            Assert.True(exercise.Difficulty <= slot.MaxDifficulty);
            Assert.DoesNotContain(alternative.ExerciseId, inProgram);
            Assert.True(otherSeconds + alternative.Dose.EstimatedSeconds <= 20 * 60, alternative.Name);
            Assert.Equal(ProgramAssembler.DoseFor(exercise, phase.DoseProfile, Side.Left, Library.FindCondition(Request.ConditionId)!.BodyRegions), alternative.Dose);
            Assert.StartsWith($"Instead of {item.Name}: fills slot {result.Slot} of phase 2", alternative.Rationale, StringComparison.Ordinal);
            Assert.Contains("Keeps every precaution: weight bearing up to partial", alternative.Rationale, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Alternatives_are_ranked_as_the_engine_ranks_the_slot()
    {
        var item = Preview(Request).Items[0];

        var result = PrescriptionService.PreviewAlternatives(Library, Request, item.ExerciseId, null).Value!;

        var ranked = Library.Candidates.For(Request.ConditionId, Request.Phase, result.Slot - 1).Select(e => e.Id).ToList();
        var positions = result.Alternatives.Select(a => ranked.IndexOf(a.ExerciseId)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Missing_equipment_and_exclusions_leave_exercises_out()
    {
        var item = Preview(Request).Items[0];
        var first = PrescriptionService.PreviewAlternatives(Library, Request, item.ExerciseId, null).Value!.Alternatives[0];
        var excluding = Request with { Constraints = Request.Constraints with { ExcludeExerciseIds = [first.ExerciseId] } };
        var bare = Request with { Constraints = Request.Constraints with { Equipment = [] } };

        var withoutExcluded = PrescriptionService.PreviewAlternatives(Library, excluding, item.ExerciseId, null).Value!;
        var withoutEquipment = PrescriptionService.PreviewAlternatives(Library, bare, null, item.Slot).Value!;

        Assert.DoesNotContain(withoutExcluded.Alternatives, a => a.ExerciseId == first.ExerciseId);
        Assert.All(withoutEquipment.Alternatives, a => Assert.True(a.Delivery != Delivery.Home || Library.FindExercise(a.ExerciseId)!.Equipment.Count == 0, a.Name));
    }

    [Fact]
    public void A_held_gate_is_kept_and_named()
    {
        // Early after an ACL reconstruction the time gates hold; every alternative keeps them.
        var request = new AssemblyRequest("acl-reconstruction", 2, Side.Right, new PatientConstraints()) { SurgeryDate = new DateOnly(2026, 1, 1), AsOf = new DateTimeOffset(2026, 1, 20, 0, 0, 0, TimeSpan.Zero) };
        var phase = Library.FindCondition(request.ConditionId)!.FindPhase(2)!;
        var program = Preview(request);

        var resolved = PrecautionSet.Resolve(Library, phase, request);
        var result = PrescriptionService.PreviewAlternatives(Library, request, program.Items[0].ExerciseId, null).Value!;

        Assert.All(result.Alternatives, a => Assert.True(SafetyRules.IsSafe(Library.FindExercise(a.ExerciseId)!, resolved.Precautions, a.Dose)));
        Assert.NotEmpty(resolved.HeldGates);
        Assert.NotEmpty(result.Alternatives);
        Assert.All(result.Alternatives, a => Assert.Contains($"Still held: {resolved.HeldGates[0].Reason}", a.Rationale, StringComparison.Ordinal));
    }

    [Fact]
    public void An_item_the_preview_does_not_hold_or_a_slot_out_of_range_is_a_field_error()
    {
        var unknown = PrescriptionService.PreviewAlternatives(Library, Request, "no-such-exercise", null);
        var slot = PrescriptionService.PreviewAlternatives(Library, Request, null, 99);
        var condition = PrescriptionService.PreviewAlternatives(Library, Request with { ConditionId = "nope" }, null, 1);

        Assert.Equal(FailureKind.Validation, unknown.Failure!.Kind);
        Assert.Contains("exerciseId", unknown.Failure.Errors!.Keys);
        Assert.Contains("slot", slot.Failure!.Errors!.Keys);
        Assert.Contains("conditionId", condition.Failure!.Errors!.Keys);
    }

    [Fact]
    public async Task A_stored_prescription_answers_by_its_request_within_the_callers_clinics()
    {
        var useCases = new UseCases();
        var stored = (await useCases.Prescriptions.CreateAsync(AnkleDraft(), null, Library, null, Therapist, None)).Value!.Stored.Value;
        var item = stored.Items[0];
        var events = useCases.Repository.Events.Count;

        var found = await useCases.Prescriptions.AlternativesAsync(ClinicA, stored.Id, item.ExerciseId, None);
        var elsewhere = await useCases.Prescriptions.AlternativesAsync(["clinic-b"], stored.Id, item.ExerciseId, None);
        var noItem = await useCases.Prescriptions.AlternativesAsync(ClinicA, stored.Id, "no-such-exercise", None);

        var preview = PrescriptionService.PreviewAlternatives(Library, stored.ToAssemblyRequest(useCases.Clock.GetUtcNow(), []), item.ExerciseId, null).Value!;
        Assert.Equal(preview.Alternatives.Select(a => a.ExerciseId), found.Value!.Alternatives.Select(a => a.ExerciseId));
        Assert.Equal(FailureKind.NotFound, elsewhere.Failure!.Kind);
        Assert.Equal(FailureKind.NotFound, noItem.Failure!.Kind);
        Assert.Equal(events, useCases.Repository.Events.Count);
    }
}
