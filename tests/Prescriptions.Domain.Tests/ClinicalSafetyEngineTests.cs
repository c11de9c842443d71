using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Readiness;
using static Prescriptions.Testing.SyntheticLibrary;

namespace Prescriptions.Domain.Tests;

/// <summary>The engine rules the clinical review asked for, each on a small library whose outcome is plain.</summary>
public sealed class ClinicalSafetyEngineTests
{
    private static readonly DateTimeOffset Today = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_substitute_is_never_harder_than_the_slot_allows()
    {
        // The review's faller: a difficulty 1-2 balance slot, nothing easy is possible, a lunge (difficulty 4) is.
        var slot = new Slot { Category = ExerciseCategory.Balance, Count = 1, MinDifficulty = 1, MaxDifficulty = 2 };
        var library = Build(
            [
                Exercise("chair-balance", ExerciseCategory.Balance, 1, WeightBearing.Full, [Equipment.Chair]),
                Exercise("forward-lunge", ExerciseCategory.Balance, 4, WeightBearing.Full),
            ],
            Condition("falls", Phase(1, null, slot)));

        var program = ProgramAssembler.Assemble(library, new AssemblyRequest("falls", 1, null, new PatientConstraints { Equipment = [] })).Program!;

        Assert.Empty(program.Items);
        Assert.Contains(program.Warnings, w => w.Contains("with chair at home, chair balance would fit", StringComparison.Ordinal));
    }

    [Fact]
    public void A_substitute_never_moves_to_a_category_of_higher_impact_nor_to_running()
    {
        var slot = new Slot { Category = ExerciseCategory.Functional, Count = 1, MinDifficulty = 2, MaxDifficulty = 3 };
        var library = Build(
            [
                Exercise("step-up-task", ExerciseCategory.Functional, 2, WeightBearing.Full, [Equipment.Step]),
                Exercise("box-jump", ExerciseCategory.Plyometric, 2, WeightBearing.Full, contraindications: ["noImpact", "fallRisk"]),
                Exercise("jump-squat", ExerciseCategory.Strength, 2, WeightBearing.Full, contraindications: ["noImpact"]),

                // A plyometric exercise whose tags were forgotten is still never a substitute for functional work.
                Exercise("untagged-bounds", ExerciseCategory.Plyometric, 2, WeightBearing.Full),
            ],
            Condition("knee", Phase(1, null, slot)));

        var program = ProgramAssembler.Assemble(library, new AssemblyRequest("knee", 1, null, new PatientConstraints { Equipment = [] })).Program!;

        Assert.Empty(program.Items);
        Assert.Contains(program.Warnings, w => w.Contains("0 of 1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_substitute_is_never_in_a_more_demanding_position_than_the_slots_own_exercises()
    {
        var slot = new Slot { Category = ExerciseCategory.Strength, Count = 1, MinDifficulty = 1, MaxDifficulty = 2, BodyRegions = [BodyRegion.Knee] };
        var seated = Exercise("seated-press", ExerciseCategory.Strength, 2, WeightBearing.None, [Equipment.Band]);
        var standing = Exercise("standing-squat", ExerciseCategory.Strength, 1, WeightBearing.Full) with { BodyRegions = [BodyRegion.Hip] };
        var library = Build([seated, standing], Condition("knee", Phase(1, null, slot)) with { BodyRegions = [BodyRegion.Knee, BodyRegion.Hip] });

        var program = ProgramAssembler.Assemble(library, new AssemblyRequest("knee", 1, null, new PatientConstraints { Equipment = [] })).Program!;

        Assert.Empty(program.Items);
    }

    [Fact]
    public void Core_items_of_a_slot_come_first_and_a_core_item_the_patient_cannot_do_is_named()
    {
        var slot = new Slot { Category = ExerciseCategory.Strength, Count = 2, MinDifficulty = 1, MaxDifficulty = 3, RequiredExerciseIds = ["isometric-hold", "loaded-raise"] };
        var library = Build(
            [
                Exercise("band-eversion", ExerciseCategory.Strength, 2),
                Exercise("other-strength", ExerciseCategory.Strength, 2),
                Exercise("isometric-hold", ExerciseCategory.Strength, 1),
                Exercise("loaded-raise", ExerciseCategory.Strength, 3, equipment: [Equipment.Dumbbell]),
            ],
            Condition("achilles", Phase(1, null, slot)));

        var program = ProgramAssembler.Assemble(library, new AssemblyRequest("achilles", 1, null, new PatientConstraints { Equipment = [] })).Program!;

        Assert.Equal("isometric-hold", program.Items[0].ExerciseId);
        Assert.Contains("core item", program.Items[0].Rationale, StringComparison.Ordinal);
        Assert.Contains(program.Warnings, w => w.Contains("loaded raise, a core item of this phase, is left out: it needs dumbbell", StringComparison.Ordinal));
    }

    [Fact]
    public void Preferred_items_are_chosen_ahead_of_better_scored_ones()
    {
        var slot = new Slot { Category = ExerciseCategory.Strength, Count = 1, MinDifficulty = 2, MaxDifficulty = 2, PreferredExerciseIds = ["hip-abduction"] };
        var library = Build(
            [Exercise("knee-press", ExerciseCategory.Strength, 2), Exercise("hip-abduction", ExerciseCategory.Strength, 2, region: BodyRegion.Hip)],
            Condition("knee", Phase(1, null, slot)));

        var program = ProgramAssembler.Assemble(library, new AssemblyRequest("knee", 1, null, new PatientConstraints())).Program!;

        Assert.Equal("hip-abduction", Assert.Single(program.Items).ExerciseId);
    }

    [Fact]
    public void A_time_gate_holds_until_its_day_and_without_a_date_the_earliest_day_of_the_phase_is_assumed()
    {
        var slot = new Slot { Category = ExerciseCategory.Plyometric, Count = 1, MinDifficulty = 1, MaxDifficulty = 5 };
        var gate = new PrecautionGate
        {
            Precautions = new Precautions { Tags = [PrecautionTags.NoCutting] },
            LiftedWhen = [new Criterion("daysSinceSurgery", Comparator.Gte, 168, "days"), new Criterion("hopSymmetryPercent", Comparator.Gte, 85, "percent")],
            Reason = "No cutting before about 24 weeks and hop symmetry of 85% (UD).",
        };
        var phase = Phase(1, null, slot) with { Gates = [gate] };
        var library = Build(
            [Exercise("cutting", ExerciseCategory.Plyometric, 3, WeightBearing.Full, contraindications: ["noCutting", "noImpact", "fallRisk"]),
             Exercise("straight-hops", ExerciseCategory.Plyometric, 3, WeightBearing.Full, contraindications: ["noImpact", "fallRisk"])],
            Condition("acl", phase));
        var hops = new Evidence("hopSymmetryPercent", 90, "percent", Today.AddDays(-2), "test");

        AssembledProgram At(int? weeks, params Evidence[] evidence) => ProgramAssembler.Assemble(library, new AssemblyRequest("acl", 1, Side.Left, new PatientConstraints())
        {
            SurgeryDate = weeks is { } w ? DateOnly.FromDateTime(Today.UtcDateTime).AddDays(-7 * w) : null,
            AsOf = Today,
            Evidence = evidence,
        }).Program!;

        Assert.Equal("straight-hops", Assert.Single(At(16, hops).Items).ExerciseId);
        Assert.Contains(gate.Reason, At(16, hops).HeldPrecautions);
        Assert.Equal("straight-hops", Assert.Single(At(26).Items).ExerciseId);
        Assert.Equal("straight-hops", Assert.Single(At(null, hops).Items).ExerciseId);
        Assert.Equal("cutting", Assert.Single(At(26, hops).Items).ExerciseId);
        Assert.Empty(At(26, hops).HeldPrecautions);
    }

    [Fact]
    public void A_person_gate_of_the_condition_holds_in_every_phase_until_measured()
    {
        var slot = new Slot { Category = ExerciseCategory.Aerobic, Count = 1, MinDifficulty = 1, MaxDifficulty = 5 };
        var condition = Condition("stroke", Phase(1, null, slot), Phase(4, null, slot)) with
        {
            Gates = [new PrecautionGate
            {
                Precautions = new Precautions { Tags = [PrecautionTags.NoImpact] },
                LiftedWhen = [new Criterion("runningCleared", Comparator.Eq, 1, "yesNo")],
                Reason = "No running until cleared.",
            }],
        };
        var library = Build(
            [Exercise("walk-run", ExerciseCategory.Aerobic, 3, WeightBearing.Full, contraindications: ["noImpact"]),
             Exercise("brisk-walk", ExerciseCategory.Aerobic, 2, WeightBearing.Full)],
            condition);

        var late = ProgramAssembler.Assemble(library, new AssemblyRequest("stroke", 4, null, new PatientConstraints()) { AsOf = Today }).Program!;
        var cleared = ProgramAssembler.Assemble(library, new AssemblyRequest("stroke", 4, null, new PatientConstraints())
        {
            AsOf = Today,
            Evidence = [new Evidence("runningCleared", 1, "yesNo", Today.AddDays(-1), "test")],
        }).Program!;

        Assert.Equal("brisk-walk", Assert.Single(late.Items).ExerciseId);
        Assert.Equal("walk-run", Assert.Single(cleared.Items).ExerciseId);
    }

    [Fact]
    public void Entry_criteria_shown_unmet_by_the_date_warn_and_criteria_without_evidence_warn_as_unknown()
    {
        var slot = new Slot { Category = ExerciseCategory.Strength, Count = 1 };
        var phase2 = Phase(2, null, slot) with { EntryCriteria = [new Criterion("daysSinceSurgery", Comparator.Gte, 42, "days", "At least 6 weeks since surgery")] };
        var library = Build([Exercise("press", ExerciseCategory.Strength, 2), Exercise("raise", ExerciseCategory.Strength, 2)], Condition("cuff", Phase(1, null, slot), phase2));

        AssembledProgram At(int? days) => ProgramAssembler.Assemble(library, new AssemblyRequest("cuff", 2, null, new PatientConstraints())
        {
            SurgeryDate = days is { } d ? DateOnly.FromDateTime(Today.UtcDateTime).AddDays(-d) : null,
            AsOf = Today,
        }).Program!;

        var early = At(21);
        Assert.Equal(CriterionStatus.NotMet, Assert.Single(early.EntryCriteria).Status);
        Assert.Contains(early.Warnings, w => w.Contains("not met: At least 6 weeks since surgery", StringComparison.Ordinal) && w.Contains("override", StringComparison.Ordinal));
        Assert.Single(early.UnmetEntryCriteria);
        Assert.Equal(CriterionStatus.Met, Assert.Single(At(50).EntryCriteria).Status);
        Assert.Equal(CriterionStatus.Unknown, Assert.Single(At(null).EntryCriteria).Status);
        Assert.Contains(At(null).Warnings, w => w.Contains("not yet shown", StringComparison.Ordinal));
    }

    [Fact]
    public void Weight_through_the_hands_is_a_declared_demand_a_phase_can_forbid()
    {
        var exercise = Exercise("hand-weight-shift", ExerciseCategory.Proprioception, 2) with { UpperLimbWeightBearing = WeightBearing.Partial };
        var violations = SafetyRules.Check(exercise, new Precautions { UpperLimbWeightBearing = WeightBearing.None });

        Assert.Equal(SafetyRules.UpperLimbWeightBearingRule, Assert.Single(violations).Rule);
        Assert.True(SafetyRules.IsSafe(exercise, new Precautions { UpperLimbWeightBearing = WeightBearing.Partial }));
        Assert.False(SafetyRules.IsSafe(exercise, new PatientConstraints { UpperLimbWeightBearing = WeightBearing.ToeTouch }.ToPrecautions()));
    }

    [Fact]
    public void A_cap_on_active_motion_leaves_passive_range_free_and_a_zero_cap_forbids_active_motion()
    {
        var pendulum = Exercise("pendulum", ExerciseCategory.RangeOfMotion, 1) with { JointMotions = [new JointMotion(Joint.Shoulder, Motion.Flexion, 60, MotionMode.Passive)] };
        var wiping = Exercise("table-wiping", ExerciseCategory.MotorControl, 1) with { JointMotions = [new JointMotion(Joint.Shoulder, Motion.Flexion, 45, MotionMode.Active)] };
        var passiveOnly = new Precautions
        {
            RomLimits = [new RomLimit(Joint.Shoulder, Motion.Flexion, 90), new RomLimit(Joint.Shoulder, Motion.Flexion, 0, MotionMode.Active)],
        };
        var activeCapped = new Precautions { RomLimits = [new RomLimit(Joint.Shoulder, Motion.Flexion, 30, MotionMode.Active)] };

        Assert.True(SafetyRules.IsSafe(pendulum, passiveOnly));
        Assert.Contains("not allowed for active and resisted motion", Assert.Single(SafetyRules.Check(wiping, passiveOnly)).Detail, StringComparison.Ordinal);
        Assert.True(SafetyRules.IsSafe(pendulum, activeCapped));
        Assert.False(SafetyRules.IsSafe(wiping, activeCapped));
        Assert.Equal(2, SafetyRules.Combine(passiveOnly, activeCapped).RomLimits.Count);
        Assert.Equal(0, SafetyRules.Combine(passiveOnly, activeCapped).RomLimits.Single(l => l.AppliesFrom == MotionMode.Active).MaxDegrees);
    }

    [Fact]
    public void Without_a_limit_the_engine_assembles_to_thirty_minutes()
    {
        var slot = new Slot { Category = ExerciseCategory.Aerobic, Count = 3, MinDifficulty = 1, MaxDifficulty = 5 };
        var tenMinutes = new Dose { Sets = 1, DurationSeconds = 600 };
        var library = Build(
            [.. Enumerable.Range(1, 4).Select(i => Exercise($"walk-{i}", ExerciseCategory.Aerobic, 2, dose: tenMinutes with { DurationSeconds = 600 + i }))],
            Condition("falls", Phase(1, null, slot)));

        var program = ProgramAssembler.Assemble(library, new AssemblyRequest("falls", 1, null, new PatientConstraints())).Program!;

        Assert.Equal(2, program.Items.Count);
        Assert.True(program.EstimatedMinutesPerSession <= PatientConstraints.DefaultMaxMinutesPerSession);
        Assert.Contains(program.Warnings, w => w.Contains("past 30 minutes", StringComparison.Ordinal));
    }

    [Fact]
    public void Codes_follow_the_programs_side()
    {
        var condition = Condition("tka") with { Icd10Codes = [new ConditionCode("Z96.651", Side.Right), new ConditionCode("Z96.652", Side.Left), new ConditionCode("Z47.1")] };

        Assert.Equal(["Z96.651", "Z47.1"], condition.CodesFor(Side.Right));
        Assert.Equal(["Z96.652", "Z47.1"], condition.CodesFor(Side.Left));
        Assert.Equal(3, condition.CodesFor(null).Count);
    }

    [Fact]
    public void With_a_date_the_phases_before_set_a_time_floor_for_entry()
    {
        var slot = new Slot { Category = ExerciseCategory.Strength, Count = 1 };
        var library = Build([Exercise("press", ExerciseCategory.Strength, 2), Exercise("raise", ExerciseCategory.Strength, 2)],
            Condition("acl", Phase(1, null, slot) with { MinDays = 14 }, Phase(2, null, slot) with { MinDays = 42 }, Phase(3, null, slot)));

        AssembledProgram At(int? days) => ProgramAssembler.Assemble(library, new AssemblyRequest("acl", 3, null, new PatientConstraints())
        {
            SurgeryDate = days is { } d ? DateOnly.FromDateTime(Today.UtcDateTime).AddDays(-d) : null,
            AsOf = Today,
        }).Program!;

        Assert.Equal(CriterionStatus.NotMet, Assert.Single(At(40).EntryCriteria).Status);
        Assert.Contains("At least 56 days since surgery", Assert.Single(At(40).EntryCriteria).Criterion.Description, StringComparison.Ordinal);
        Assert.Equal(CriterionStatus.Met, Assert.Single(At(60).EntryCriteria).Status);
        Assert.Empty(At(null).EntryCriteria);
    }
}
