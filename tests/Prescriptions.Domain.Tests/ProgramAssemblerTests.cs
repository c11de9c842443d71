using Prescriptions.Testing;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Tests;

public sealed class ProgramAssemblerTests
{
    private static ExerciseLibrary Library => ShippedLibrary.Indexed;

    public static TheoryData<string, int> EveryPhase()
    {
        var data = new TheoryData<string, int>();
        foreach (var condition in ShippedLibrary.Content.Conditions)
        {
            foreach (var phase in condition.Phases)
            {
                data.Add(condition.Id, phase.Number);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPhase))]
    public void Every_phase_assembles_a_safe_explained_program_without_duplicates(string conditionId, int phaseNumber)
    {
        var request = new AssemblyRequest(conditionId, phaseNumber, Side.Left, new PatientConstraints());

        var program = ProgramAssembler.Assemble(Library, request).Program!;

        var phase = Library.FindCondition(conditionId)!.FindPhase(phaseNumber)!;
        var all = program.Items.Concat(program.ClinicItems).ToArray();
        Assert.NotEmpty(program.Items);
        Assert.Equal(all.Length, all.Select(i => i.ExerciseId).Distinct().Count());
        Assert.True(program.Items.Count <= PatientConstraints.DefaultMaxExercises);
        Assert.All(all, item =>
        {
            Assert.Empty(SafetyRules.Check(Library.FindExercise(item.ExerciseId)!, phase.Precautions, item.Dose));
            Assert.Empty(DoseBounds.Check(item.Dose));
            Assert.False(string.IsNullOrWhiteSpace(item.Rationale));
        });
        Assert.All(program.Items, item => Assert.Equal(Delivery.Home, item.Delivery));
        Assert.All(program.ClinicItems, item => Assert.Equal(Delivery.Clinic, item.Delivery));
    }

    [Fact]
    public void The_same_input_gives_the_same_program()
    {
        var request = new AssemblyRequest(Library.Conditions[0].Id, 2, Side.Right, new PatientConstraints { MaxExercises = 4 });

        var first = ProgramAssembler.Assemble(Library, request).Program!;
        var second = ProgramAssembler.Assemble(new ExerciseLibrary("again", DateTimeOffset.UnixEpoch, ShippedLibrary.Content with { Exercises = [.. ShippedLibrary.Content.Exercises.Reverse()] }), request).Program!;

        Assert.Equal(first.Items.Select(i => (i.ExerciseId, i.Dose)), second.Items.Select(i => (i.ExerciseId, i.Dose)));
    }

    [Fact]
    public void Patient_limits_are_kept_on_top_of_the_phase()
    {
        var condition = Library.Conditions[0];
        var constraints = new PatientConstraints
        {
            WeightBearing = WeightBearing.None,
            Equipment = [],
            MaxExercises = 3,
            MaxMinutesPerSession = 15,
            Precautions = [PrecautionTags.FallRisk],
        };

        var program = ProgramAssembler.Assemble(Library, new AssemblyRequest(condition.Id, 3, null, constraints)).Program!;

        Assert.True(program.Items.Count <= 3);
        Assert.True(program.EstimatedMinutesPerSession <= 15);
        Assert.All(program.Items, item =>
        {
            var exercise = Library.FindExercise(item.ExerciseId)!;
            Assert.Equal(WeightBearing.None, exercise.WeightBearing);
            Assert.Empty(exercise.Equipment);
            Assert.DoesNotContain(PrecautionTags.FallRisk, exercise.Contraindications);
        });
    }

    [Fact]
    public void Excluded_exercises_are_never_chosen_and_a_short_slot_is_warned_about()
    {
        var condition = Library.Conditions[0];
        var baseline = ProgramAssembler.Assemble(Library, new AssemblyRequest(condition.Id, 1, null, new PatientConstraints())).Program!;
        var excluded = baseline.Items.Select(i => i.ExerciseId).ToArray();

        var program = ProgramAssembler.Assemble(Library, new AssemblyRequest(condition.Id, 1, null, new PatientConstraints { ExcludeExerciseIds = excluded })).Program!;

        Assert.DoesNotContain(program.Items, item => excluded.Contains(item.ExerciseId));
        var tight = ProgramAssembler.Assemble(Library, new AssemblyRequest(condition.Id, 1, null, new PatientConstraints { MaxExercises = 1 })).Program!;
        Assert.Single(tight.Items);
        Assert.NotEmpty(tight.Warnings);
    }

    [Fact]
    public void Unknown_condition_and_phase_are_named()
    {
        Assert.Equal("conditionId", ProgramAssembler.Assemble(Library, new AssemblyRequest("nope", 1, null, new PatientConstraints())).Problems.Single().Field);
        Assert.Equal("phase", ProgramAssembler.Assemble(Library, new AssemblyRequest(Library.Conditions[0].Id, 9, null, new PatientConstraints())).Problems.Single().Field);
    }

    [Fact]
    public void A_therapist_item_that_breaks_a_precaution_is_named_with_its_rule()
    {
        var condition = Library.FindCondition("total-knee-arthroplasty") ?? Library.Conditions[0];
        var phase = condition.Phases[0];
        var unsafeExercise = Library.Exercises.First(e => e.Delivery == Delivery.Home && !SafetyRules.IsSafe(e, phase.Precautions));
        var safeItem = ProgramAssembler.Assemble(Library, new AssemblyRequest(condition.Id, 1, null, new PatientConstraints())).Program!.Items[0];
        var request = new AssemblyRequest(condition.Id, 1, null, new PatientConstraints());

        var review = ItemReview.Review(Library, phase, request, [new(safeItem.ExerciseId, null, null), new(unsafeExercise.Id, null, null), new(safeItem.ExerciseId, null, null)]);

        Assert.False(review.IsAccepted);
        Assert.Contains(review.RuleViolations, v => v.Field == "items[1]" && v.Message.Contains(unsafeExercise.Id, StringComparison.Ordinal));
        Assert.Contains(review.RuleViolations, v => v.Field == "items[2]" && v.Message.StartsWith("duplicate", StringComparison.Ordinal));
        Assert.DoesNotContain(review.RuleViolations, v => v.Field == "items[0]");
    }

    [Fact]
    public void Estimated_time_counts_work_rest_and_both_sides()
    {
        var dose = new Dose { Sets = 3, Reps = 10, HoldSeconds = 2, RestSeconds = 30, Side = Side.EachSide };

        // (10 reps x (4 s + 2 s hold)) x 3 sets + 2 rests x 30 s = 240 s per side.
        Assert.Equal(480, dose.EstimatedSeconds);
    }
}
