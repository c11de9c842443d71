using Prescriptions.Domain.Library;
using static Prescriptions.Testing.SyntheticLibrary;

namespace Prescriptions.Domain.Tests;

/// <summary>Doses by category: the review saw heel props of 2 x 300 s, walking at RPE 8, strength twice a day six days a week, 5 s stretches and "3 sets of 1".</summary>
public sealed class DoseRulesTests
{
    private static readonly DoseProfile EarlyPhase = new() { Description = "early", Sets = 2, HoldSeconds = 5, Rpe = 8, SessionsPerDay = 2, DaysPerWeek = 6 };

    [Fact]
    public void Duration_work_is_not_stacked_by_the_phases_sets()
    {
        var heelProp = Exercise("heel-prop", ExerciseCategory.RangeOfMotion, 1, dose: new Dose { Sets = 1, DurationSeconds = 300 });

        Assert.Equal(1, DoseRules.Shape(heelProp, EarlyPhase, null, []).Sets);
    }

    [Fact]
    public void Long_isometric_holds_keep_their_own_repetitions_and_hold()
    {
        var calfHold = Exercise("isometric-calf-hold", ExerciseCategory.Strength, 2, dose: new Dose { Sets = 1, Reps = 5, HoldSeconds = 45 });
        var phase = EarlyPhase with { Categories = [new CategoryDose { Categories = [ExerciseCategory.Strength], Reps = 15, HoldSeconds = 5 }] };

        var shaped = DoseRules.Shape(calfHold, phase, null, []);

        Assert.Equal((5, 45), (shaped.Reps, shaped.HoldSeconds));
    }

    [Fact]
    public void Effort_is_given_only_where_it_means_something_and_walking_takes_the_phases_walking_dose()
    {
        var walk = Exercise("walk", ExerciseCategory.Aerobic, 2, dose: new Dose { Sets = 1, DurationSeconds = 900 });
        var stretch = Exercise("stretch", ExerciseCategory.Flexibility, 1, dose: new Dose { Sets = 1, Reps = 3, HoldSeconds = 30 });
        var squat = Exercise("squat", ExerciseCategory.Strength, 2);
        var stroke = EarlyPhase with
        {
            Categories = [new CategoryDose { Categories = [ExerciseCategory.Aerobic], HeartRateReserve = new HeartRateReserve(60, 80), StopRules = ["Stop if you feel chest pain."] }],
        };

        Assert.Null(DoseRules.Shape(walk, EarlyPhase, null, []).Rpe);
        Assert.Null(DoseRules.Shape(stretch, EarlyPhase, null, []).Rpe);
        Assert.Equal(8, DoseRules.Shape(squat, EarlyPhase, null, []).Rpe);
        Assert.Equal(new HeartRateReserve(60, 80), DoseRules.Shape(walk, stroke, null, []).HeartRateReserve);
    }

    [Fact]
    public void Resistance_work_runs_once_a_day_two_to_four_days_a_week_unless_the_phase_doses_it()
    {
        var squat = Exercise("squat", ExerciseCategory.Strength, 2);
        var shaped = DoseRules.Shape(squat, EarlyPhase, null, []);
        var isometricsDaily = EarlyPhase with { Categories = [new CategoryDose { Categories = [ExerciseCategory.Strength], SessionsPerDay = 3, DaysPerWeek = 7 }] };

        Assert.Equal((1, 4), (shaped.SessionsPerDay, shaped.DaysPerWeek));
        Assert.Equal((3, 7), (DoseRules.Shape(squat, isometricsDaily, null, []).SessionsPerDay, DoseRules.Shape(squat, isometricsDaily, null, []).DaysPerWeek));
    }

    [Fact]
    public void Stretches_are_held_at_least_thirty_seconds_two_to_four_times()
    {
        var stretch = Exercise("stretch", ExerciseCategory.Flexibility, 1, dose: new Dose { Sets = 1, Reps = 10, HoldSeconds = 10 });
        var shaped = DoseRules.Shape(stretch, EarlyPhase, null, []);

        Assert.Equal(DoseRules.MinStretchHoldSeconds, shaped.HoldSeconds);
        Assert.Equal(DoseRules.MaxStretchReps, shaped.Reps);
    }

    [Fact]
    public void A_single_repetition_is_never_multiplied_into_sets_of_one()
    {
        var alphabet = Exercise("alphabet", ExerciseCategory.RangeOfMotion, 1, dose: new Dose { Sets = 1, Reps = 1 });

        Assert.Equal(1, DoseRules.Shape(alphabet, EarlyPhase with { Sets = 3 }, null, []).Sets);
    }

    [Fact]
    public void Injured_side_work_goes_to_the_injured_side_and_balance_keeps_each_side()
    {
        var eversion = Exercise("band-eversion", ExerciseCategory.Strength, 2, region: BodyRegion.Ankle, dose: new Dose { Sets = 2, Reps = 10, Side = Side.EachSide });
        var balance = Exercise("single-leg-stance", ExerciseCategory.Balance, 2, region: BodyRegion.Ankle, dose: new Dose { Sets = 2, DurationSeconds = 30, Side = Side.EachSide });

        Assert.Equal(Side.Left, DoseRules.Shape(eversion, EarlyPhase, Side.Left, [BodyRegion.Ankle]).Side);
        Assert.Equal(Side.EachSide, DoseRules.Shape(balance, EarlyPhase, Side.Left, [BodyRegion.Ankle]).Side);
        Assert.Equal(Side.EachSide, DoseRules.Shape(eversion, EarlyPhase, null, [BodyRegion.Ankle]).Side);
    }
}
