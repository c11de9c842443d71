using Prescriptions.Application.Outcomes;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Testing;

using static Prescriptions.Application.Tests.Fakes.Given;

namespace Prescriptions.Application.Tests;

/// <summary>What a builder may add under a preview's limits: every exercise judged by the engine's hard rules, each refusal in words.</summary>
public sealed class LibraryEligibilityTests
{
    private static ExerciseLibrary Library => ShippedLibrary.Indexed;

    private static AssemblyRequest Request => AnkleDraft().Request with
    {
        Constraints = new PatientConstraints { WeightBearing = WeightBearing.Partial, Equipment = [Equipment.Band, Equipment.Chair], MaxMinutesPerSession = 20 },
    };

    private static IReadOnlyList<ExerciseEligibility> Judge(AssemblyRequest request) => PrescriptionService.PreviewEligibility(Library, request).Value!;

    [Fact]
    public void Every_exercise_of_the_library_is_judged_and_an_allowed_one_keeps_every_precaution_and_needs_only_equipment_at_hand()
    {
        var judged = Judge(Request);

        var phase = Library.FindCondition(Request.ConditionId)!.FindPhase(Request.Phase)!;
        var precautions = PrecautionSet.For(Library, phase, Request).Precautions;
        Assert.Equal(Library.Exercises.Select(e => e.Id), judged.Select(e => e.ExerciseId));
        Assert.Contains(judged, e => e.Allowed);
        Assert.Contains(judged, e => !e.Allowed);
        Assert.Contains(judged, e => e.ForCondition);
        Assert.Contains(judged, e => !e.ForCondition);
        foreach (var eligibility in judged)
        {
            var exercise = Library.FindExercise(eligibility.ExerciseId)!;
            var fits = SafetyRules.IsSafe(exercise, precautions) && Request.Constraints.MissingEquipment(exercise).Count == 0;
            Assert.True(fits == eligibility.Allowed, $"{exercise.Id}: {string.Join(" ", eligibility.Reasons)}");
            Assert.Equal(exercise.BodyRegions.Intersect(Library.FindCondition(Request.ConditionId)!.BodyRegions).Any(), eligibility.ForCondition);
            Assert.Equal(ProgramAssembler.DoseFor(exercise, phase.DoseProfile, Side.Left, Library.FindCondition(Request.ConditionId)!.BodyRegions), eligibility.Dose);
        }
    }

    [Fact]
    public void A_refused_exercise_says_why_in_words()
    {
        var judged = Judge(Request).ToDictionary(e => e.ExerciseId);

        var tooMuchWeight = Library.Exercises.First(e => e.WeightBearing > WeightBearing.Partial && e.Contraindications.Count == 0);
        var needsDumbbell = Library.Exercises.First(e => e.Delivery == Delivery.Home && e.Equipment.Contains(Equipment.Dumbbell));
        Assert.Contains($"It needs {ClinicalText.Words(tooMuchWeight.WeightBearing).Replace(" ", "-", StringComparison.Ordinal)} weight bearing; allowed is partial.", judged[tooMuchWeight.Id].Reasons);
        Assert.Contains(judged[needsDumbbell.Id].Reasons, reason => reason.StartsWith("It needs ", StringComparison.Ordinal) && reason.Contains("dumbbell", StringComparison.Ordinal) && reason.EndsWith("which the patient does not have.", StringComparison.Ordinal));
    }

    [Fact]
    public void An_excluded_exercise_is_refused_as_excluded_and_the_previews_items_are_all_allowed()
    {
        var preview = PrescriptionService.Preview(Library, Request).Value!;
        var excludedId = preview.Items[0].ExerciseId;
        var excluding = Request with { Constraints = Request.Constraints with { ExcludeExerciseIds = [excludedId] } };

        var judged = Judge(Request).ToDictionary(e => e.ExerciseId);
        var withExclusion = Judge(excluding).ToDictionary(e => e.ExerciseId);

        Assert.All(preview.Items.Concat(preview.ClinicItems), item => Assert.True(judged[item.ExerciseId].Allowed, item.ExerciseId));
        Assert.Equal(["It is on the patient's exclusions."], withExclusion[excludedId].Reasons);
    }

    [Fact]
    public void An_unknown_condition_or_phase_is_a_field_error()
    {
        var condition = PrescriptionService.PreviewEligibility(Library, Request with { ConditionId = "nope" });
        var phase = PrescriptionService.PreviewEligibility(Library, Request with { Phase = 99 });
        var other = PrescriptionService.PreviewEligibility(Library, Request with { OtherConditions = [new ConditionPhase("nope", 1)] });

        Assert.Equal(FailureKind.Validation, condition.Failure!.Kind);
        Assert.Contains("conditionId", condition.Failure.Errors!.Keys);
        Assert.Contains("phase", phase.Failure!.Errors!.Keys);
        Assert.Contains("otherConditions[0]", other.Failure!.Errors!.Keys);
    }
}
