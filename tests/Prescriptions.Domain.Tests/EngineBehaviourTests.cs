using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Readiness;
using static Prescriptions.Testing.SyntheticLibrary;

namespace Prescriptions.Domain.Tests;

public sealed class EngineBehaviourTests
{
    private static readonly Slot BalanceSlot = new() { Category = ExerciseCategory.Balance, Count = 1, MinDifficulty = 3, MaxDifficulty = 3 };

    [Fact]
    public void A_slot_the_patient_cannot_do_regresses_along_the_chain_and_warns()
    {
        var library = Build(
            [
                Exercise("hard-balance", ExerciseCategory.Balance, 3, WeightBearing.Full, regressionId: "middle-balance"),
                Exercise("middle-balance", ExerciseCategory.Balance, 2, WeightBearing.Full, progressionId: "hard-balance", regressionId: "easy-balance"),
                Exercise("easy-balance", ExerciseCategory.Balance, 1, WeightBearing.Partial, progressionId: "middle-balance"),
            ],
            Condition("knee", Phase(1, null, BalanceSlot)));

        var program = ProgramAssembler.Assemble(library, new AssemblyRequest("knee", 1, null, new PatientConstraints { WeightBearing = WeightBearing.Partial })).Program!;

        Assert.Equal("easy-balance", Assert.Single(program.Items).ExerciseId);
        Assert.Contains(program.Warnings, w => w.Contains("regressed", StringComparison.Ordinal) && w.Contains("hard balance", StringComparison.Ordinal));
        Assert.Contains("Regressed from hard balance", program.Items[0].Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_safe_regression_the_best_safe_substitute_is_taken_and_named()
    {
        var slot = new Slot { Category = ExerciseCategory.Strength, Count = 1, MinDifficulty = 4, MaxDifficulty = 5 };
        var library = Build(
            [
                Exercise("heavy-squat", ExerciseCategory.Strength, 5, WeightBearing.Full, [Equipment.Dumbbell]),
                Exercise("wall-sit", ExerciseCategory.Strength, 2, WeightBearing.Full),
                Exercise("seated-knee-press", ExerciseCategory.Strength, 1),
            ],
            Condition("knee", Phase(1, null, slot)));

        var program = ProgramAssembler.Assemble(library, new AssemblyRequest("knee", 1, null, new PatientConstraints { Equipment = [] })).Program!;

        Assert.Equal("wall-sit", Assert.Single(program.Items).ExerciseId);
        Assert.Contains(program.Warnings, w => w.Contains("closest safe one", StringComparison.Ordinal));
    }

    [Fact]
    public void A_related_category_stands_in_when_the_slots_category_has_nothing_safe()
    {
        var slot = new Slot { Category = ExerciseCategory.Proprioception, Count = 1, MinDifficulty = 1, MaxDifficulty = 5 };
        var library = Build(
            [
                Exercise("wobble-board", ExerciseCategory.Proprioception, 3, WeightBearing.Full),
                Exercise("seated-weight-shift", ExerciseCategory.Balance, 1),
            ],
            // The balance exercise belongs to the protocol (phase 2 uses it), so it may stand in for phase 1's slot.
            Condition("knee", Phase(1, null, slot), Phase(2, null, new Slot { Category = ExerciseCategory.Balance, MinDifficulty = 1, MaxDifficulty = 2 })));

        var program = ProgramAssembler.Assemble(library, new AssemblyRequest("knee", 1, null, new PatientConstraints { WeightBearing = WeightBearing.None })).Program!;

        Assert.Equal("seated-weight-shift", Assert.Single(program.Items).ExerciseId);
        Assert.Contains(program.Warnings, w => w.Contains("substitute", StringComparison.Ordinal));
    }

    [Fact]
    public void A_related_category_stands_in_only_with_an_exercise_of_the_conditions_own_protocol()
    {
        var slot = new Slot { Category = ExerciseCategory.Strength, Count = 1, MinDifficulty = 1, MaxDifficulty = 5, BodyRegions = [BodyRegion.CervicalSpine] };
        var library = Build(
            [
                Exercise("neck-press", ExerciseCategory.Strength, 2, equipment: [Equipment.Band], region: BodyRegion.CervicalSpine),
                Exercise("turning-habituation", ExerciseCategory.Functional, 2, region: BodyRegion.CervicalSpine),
            ],
            Condition("neck", Phase(1, null, slot)) with { BodyRegions = [BodyRegion.CervicalSpine] });

        var program = ProgramAssembler.Assemble(library, new AssemblyRequest("neck", 1, null, new PatientConstraints { Equipment = [] })).Program!;

        Assert.Empty(program.Items);
    }

    [Fact]
    public void A_substitute_must_train_the_slots_regions()
    {
        var slot = new Slot { Category = ExerciseCategory.Strength, Count = 1, MinDifficulty = 4, MaxDifficulty = 5, BodyRegions = [BodyRegion.Shoulder] };
        var library = Build(
            [
                Exercise("heavy-press", ExerciseCategory.Strength, 5, equipment: [Equipment.Dumbbell], region: BodyRegion.Shoulder),
                Exercise("calf-raise", ExerciseCategory.Strength, 2, region: BodyRegion.Ankle),
            ],
            Condition("shoulder", Phase(1, null, slot)));

        var program = ProgramAssembler.Assemble(library, new AssemblyRequest("shoulder", 1, null, new PatientConstraints { Equipment = [] })).Program!;

        Assert.Empty(program.Items);
        Assert.Contains(program.Warnings, w => w.Contains("0 of 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Clinic_techniques_do_not_depend_on_the_patients_home_equipment()
    {
        var slot = new Slot { Category = ExerciseCategory.ManualTherapy, Count = 1, Delivery = Delivery.Clinic };
        var library = Build(
            [Exercise("joint-mobilisation", ExerciseCategory.ManualTherapy, 2, equipment: [Equipment.Table], delivery: Delivery.Clinic)],
            Condition("knee", Phase(1, null, slot)));

        var program = ProgramAssembler.Assemble(library, new AssemblyRequest("knee", 1, null, new PatientConstraints { Equipment = [] })).Program!;

        Assert.Equal("joint-mobilisation", Assert.Single(program.ClinicItems).ExerciseId);
    }

    [Fact]
    public void When_nothing_at_all_is_safe_the_slot_stays_short_and_the_warning_says_why()
    {
        var library = Build([Exercise("hard-balance", ExerciseCategory.Balance, 3, WeightBearing.Full)], Condition("knee", Phase(1, null, BalanceSlot)));

        var program = ProgramAssembler.Assemble(library, new AssemblyRequest("knee", 1, null, new PatientConstraints { WeightBearing = WeightBearing.None })).Program!;

        Assert.Empty(program.Items);
        Assert.Contains(program.Warnings, w => w.Contains("0 of 1", StringComparison.Ordinal) && w.Contains("weight bearing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_second_condition_adds_its_precautions()
    {
        var slot = new Slot { Category = ExerciseCategory.Plyometric, Count = 1, MinDifficulty = 1, MaxDifficulty = 5 };
        var library = Build(
            [
                Exercise("hops", ExerciseCategory.Plyometric, 3, WeightBearing.Full, contraindications: ["noImpact"]),
                Exercise("step-taps", ExerciseCategory.Plyometric, 2, WeightBearing.Full),
            ],
            Condition("ankle", Phase(1, null, slot)),
            Condition("hip", Phase(1, new Precautions { Tags = ["noImpact"] }, slot)));

        var alone = ProgramAssembler.Assemble(library, new AssemblyRequest("ankle", 1, null, new PatientConstraints())).Program!;
        var both = ProgramAssembler.Assemble(library, new AssemblyRequest("ankle", 1, null, new PatientConstraints()) { OtherConditions = [new("hip", 1)] }).Program!;

        Assert.Equal("hops", alone.Items.Single().ExerciseId);
        Assert.Equal("step-taps", both.Items.Single().ExerciseId);
        Assert.Contains("no impact", both.Items[0].Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_second_condition_is_named()
    {
        var library = Build([Exercise("easy-balance", ExerciseCategory.Balance, 3)], Condition("knee", Phase(1, null, BalanceSlot)));

        var result = ProgramAssembler.Assemble(library, new AssemblyRequest("knee", 1, null, new PatientConstraints()) { OtherConditions = [new("nope", 2)] });

        Assert.Equal("otherConditions[0]", result.Problems.Single().Field);
    }

    [Fact]
    public void Items_progress_and_regress_along_their_chain_and_refuse_unsafe_steps()
    {
        var library = Build(
            [
                Exercise("easy-balance", ExerciseCategory.Balance, 1, WeightBearing.Partial, progressionId: "middle-balance"),
                Exercise("middle-balance", ExerciseCategory.Balance, 2, WeightBearing.Partial, progressionId: "hard-balance", regressionId: "easy-balance"),
                Exercise("hard-balance", ExerciseCategory.Balance, 3, WeightBearing.Full, regressionId: "middle-balance"),
            ],
            Condition("knee", Phase(1, null, new Slot { Category = ExerciseCategory.Balance, Count = 1, MinDifficulty = 1, MaxDifficulty = 1 })));
        var phase = library.FindCondition("knee")!.Phases[0];
        var request = new AssemblyRequest("knee", 1, null, new PatientConstraints { WeightBearing = WeightBearing.Partial });
        var items = ProgramAssembler.Assemble(library, request).Program!.Items;

        var up = ItemProgression.Step(library, phase, request, items, "easy-balance", ProgressionDirection.Progress);
        var upAgain = ItemProgression.Step(library, phase, request, up.Items, "middle-balance", ProgressionDirection.Progress);
        var down = ItemProgression.Step(library, phase, request, up.Items, "middle-balance", ProgressionDirection.Regress);
        var bottom = ItemProgression.Step(library, phase, request, items, "easy-balance", ProgressionDirection.Regress);
        var missing = ItemProgression.Step(library, phase, request, items, "hard-balance", ProgressionDirection.Regress);

        Assert.Equal(ProgressionOutcome.Changed, up.Outcome);
        Assert.Equal("middle-balance", up.Items.Single().ExerciseId);
        Assert.Equal(ItemSource.Therapist, up.Items[0].Source);
        Assert.Equal(ProgressionOutcome.Unsafe, upAgain.Outcome);
        Assert.Contains("weightBearing", upAgain.Message, StringComparison.Ordinal);
        Assert.Equal("easy-balance", down.Items.Single().ExerciseId);
        Assert.Equal(ProgressionOutcome.NoStep, bottom.Outcome);
        Assert.Equal(ProgressionOutcome.ItemNotFound, missing.Outcome);
    }

    [Fact]
    public void Reassembly_keeps_the_therapists_items_that_are_still_safe_and_drops_the_rest_with_a_warning()
    {
        var slot = new Slot { Category = ExerciseCategory.Strength, Count = 2, MinDifficulty = 1, MaxDifficulty = 5 };
        var library = Build(
            [
                Exercise("seated-knee-press", ExerciseCategory.Strength, 1),
                Exercise("wall-sit", ExerciseCategory.Strength, 2, WeightBearing.Full),
                Exercise("jump-squat", ExerciseCategory.Strength, 4, WeightBearing.Full, contraindications: ["noImpact"]),
                Exercise("step-up", ExerciseCategory.Strength, 3, WeightBearing.Full),
            ],
            Condition("knee", Phase(1, null, slot), Phase(2, new Precautions { Tags = ["noImpact"] }, slot)));
        PrescriptionItem Mine(string id) => new()
        {
            ExerciseId = id,
            Name = id,
            Category = ExerciseCategory.Strength,
            Dose = new Dose { Sets = 2, Reps = 10 },
            Rationale = "Mine.",
            Delivery = Delivery.Home,
            Notes = "My words.",
            Source = ItemSource.Therapist,
        };

        var program = ProgramAssembler.Assemble(library, new AssemblyRequest("knee", 2, null, new PatientConstraints()), [Mine("seated-knee-press"), Mine("jump-squat")]).Program!;

        Assert.Equal("seated-knee-press", program.Items[0].ExerciseId);
        Assert.Equal("My words.", program.Items[0].Notes);
        Assert.DoesNotContain(program.Items, i => i.ExerciseId == "jump-squat");
        Assert.Contains(program.Warnings, w => w.Contains("jump squat", StringComparison.Ordinal) && w.Contains("dropped", StringComparison.Ordinal));
        Assert.Equal(3, program.Items.Count);
    }

    [Fact]
    public void Readiness_judges_each_criterion_met_not_met_or_unknown_with_its_evidence()
    {
        var phase = Phase(2, null, BalanceSlot) with
        {
            MinDays = 14,
            ExitCriteria =
            [
                new Criterion("painAtRest", Comparator.Lte, 2, "nrs"),
                new Criterion("kneeFlexionDegrees", Comparator.Gte, 120, "degrees"),
                new Criterion("quadricepsSymmetryPercent", Comparator.Gte, 80, "percent"),
                new Criterion("adherencePercent", Comparator.Gte, 75, "percent"),
                new Criterion("singleLegStanceSeconds", Comparator.Gte, 30, "seconds"),
            ],
        };
        var now = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        Evidence[] evidence =
        [
            new("painAtRest", 4, "nrs", now.AddDays(-5), "check-in"),
            new("painAtRest", 1, "nrs", now.AddDays(-1), "check-in"),
            new("kneeFlexionDegrees", 105, "degrees", now.AddDays(-2), "therapist"),
            new("adherencePercent", 90, "percent", now.AddDays(-30), "check-ins"),
            new("singleLegStanceSeconds", 40, "minutes", now.AddDays(-1), "therapist"),
        ];

        var report = ReadinessEvaluator.Evaluate(phase, now.AddDays(-20), evidence, now);

        CriterionStatus Status(string measure) => report.Criteria.Single(c => c.Criterion.Measure == measure).Status;
        Assert.Equal(CriterionStatus.Met, Status("painAtRest"));
        Assert.Equal(1, report.Criteria.Single(c => c.Criterion.Measure == "painAtRest").Evidence!.Value);
        Assert.Equal(CriterionStatus.NotMet, Status("kneeFlexionDegrees"));
        Assert.Equal(CriterionStatus.Unknown, Status("quadricepsSymmetryPercent"));
        Assert.Equal(CriterionStatus.Unknown, Status("adherencePercent"));
        Assert.Equal(CriterionStatus.Unknown, Status("singleLegStanceSeconds"));
        Assert.False(report.Ready);
        Assert.Equal(20, report.DaysInPhase);
        Assert.Equal(4, report.Unmet.Count());
    }

    [Fact]
    public void Readiness_needs_the_minimum_days_even_when_every_criterion_is_met()
    {
        var phase = Phase(1, null, BalanceSlot) with { MinDays = 14 };
        var now = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        Evidence[] evidence = [new("painAtRest", 0, "nrs", now.AddHours(-2), "check-in")];

        Assert.False(ReadinessEvaluator.Evaluate(phase, now.AddDays(-10), evidence, now).Ready);
        Assert.True(ReadinessEvaluator.Evaluate(phase, now.AddDays(-15), evidence, now).Ready);
    }
}
