using Prescriptions.Domain.Library;
using Prescriptions.Testing;

namespace Prescriptions.Domain.Tests;

public sealed class LibraryValidatorTests
{
    private static LibraryContent Shipped => ShippedLibrary.Content;

    [Fact]
    public void The_shipped_library_is_valid()
    {
        var problems = LibraryValidator.Validate(Shipped);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_shipped_library_has_the_first_slice_size()
    {
        Assert.True(Shipped.Exercises.Count >= 20);
        Assert.True(Shipped.Conditions.Count >= 2);
        Assert.All(Shipped.Conditions, condition => Assert.Equal([1, 2, 3, 4], condition.Phases.Select(p => p.Number)));
    }

    [Fact]
    public void A_measure_in_two_units_is_refused_so_one_reading_can_meet_every_criterion()
    {
        var stroke = Shipped.Conditions.Single(c => c.Id == "stroke-hemiparesis");
        var gate = stroke.Gates.First(g => g.LiftedWhen.Any(c => c.Measure == "bergBalanceScore"));
        var points = gate with { LiftedWhen = [.. gate.LiftedWhen.Select(c => c.Measure == "bergBalanceScore" ? c with { Unit = "points" } : c)] };
        var changed = stroke with { Gates = [.. stroke.Gates.Select(g => g == gate ? points : g)] };

        var problems = LibraryValidator.Validate(Shipped with { Conditions = [.. Shipped.Conditions.Select(c => c.Id == stroke.Id ? changed : c)] });

        Assert.Contains(problems, p => p.Message.Contains("'bergBalanceScore' is given in several units", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_ids_are_refused()
    {
        var first = Shipped.Exercises[0];

        var problems = LibraryValidator.Validate(Shipped with { Exercises = [.. Shipped.Exercises, first] });

        Assert.Contains(problems, p => p.Path == $"exercises[{first.Id}]" && p.Message.Contains("more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void A_link_that_does_not_resolve_is_refused()
    {
        var problems = LibraryValidator.Validate(Replace(Shipped.Exercises[0] with { ProgressionId = "no-such-exercise" }));

        Assert.Contains(problems, p => p.Path.EndsWith(".progressionId", StringComparison.Ordinal) && p.Message.Contains("no-such-exercise", StringComparison.Ordinal));
    }

    [Fact]
    public void A_progression_cycle_is_refused()
    {
        var a = Exercise("cycle-a") with { ProgressionId = "cycle-b", RegressionId = "cycle-b" };
        var b = Exercise("cycle-b") with { ProgressionId = "cycle-a", RegressionId = "cycle-a" };

        var problems = LibraryValidator.Validate(Shipped with { Exercises = [.. Shipped.Exercises, a, b] });

        Assert.Contains(problems, p => p.Message.Contains("cycle", StringComparison.Ordinal));
    }

    [Fact]
    public void A_one_sided_link_is_refused()
    {
        var a = Exercise("one-way-a") with { ProgressionId = "one-way-b" };
        var b = Exercise("one-way-b");

        var problems = LibraryValidator.Validate(Shipped with { Exercises = [.. Shipped.Exercises, a, b] });

        Assert.Contains(problems, p => p.Path == "exercises[one-way-a].progressionId" && p.Message.Contains("link back", StringComparison.Ordinal));
    }

    [Fact]
    public void A_neuromuscular_exercise_without_links_is_refused()
    {
        var lonely = Exercise("lonely-balance") with { Category = ExerciseCategory.Balance, CptCode = "97112" };

        var problems = LibraryValidator.Validate(Shipped with { Exercises = [.. Shipped.Exercises, lonely] });

        Assert.Contains(problems, p => p.Path == "exercises[lonely-balance]" && p.Message.Contains("neuromuscular", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, 10, null, "sets")]
    [InlineData(7, 10, null, "sets")]
    [InlineData(3, 31, null, "reps")]
    [InlineData(3, 10, 121, "holdSeconds")]
    public void Doses_outside_the_clinical_bounds_are_refused(int sets, int reps, int? hold, string field)
    {
        var exercise = Exercise("bad-dose") with { DefaultDose = new Dose { Sets = sets, Reps = reps, HoldSeconds = hold } };

        var problems = LibraryValidator.Validate(Shipped with { Exercises = [.. Shipped.Exercises, exercise] });

        Assert.Contains(problems, p => p.Path == $"exercises[bad-dose].defaultDose.{field}");
    }

    [Fact]
    public void A_dose_with_both_reps_and_duration_is_refused()
    {
        var exercise = Exercise("both-dose") with { DefaultDose = new Dose { Sets = 2, Reps = 10, DurationSeconds = 30 } };

        var problems = LibraryValidator.Validate(Shipped with { Exercises = [.. Shipped.Exercises, exercise] });

        Assert.Contains(problems, p => p.Path == "exercises[both-dose].defaultDose.reps");
    }

    [Fact]
    public void A_duration_over_thirty_minutes_is_refused()
    {
        var exercise = Exercise("long-dose") with { DefaultDose = new Dose { Sets = 1, DurationSeconds = 31 * 60 } };

        var problems = LibraryValidator.Validate(Shipped with { Exercises = [.. Shipped.Exercises, exercise] });

        Assert.Contains(problems, p => p.Path == "exercises[long-dose].defaultDose.durationSeconds");
    }

    [Fact]
    public void A_slot_that_cannot_be_filled_with_a_spare_is_refused()
    {
        var condition = Shipped.Conditions[0];
        var phase = condition.Phases[0];
        var impossible = phase with { Slots = [.. phase.Slots, new Slot { Category = ExerciseCategory.Plyometric, Count = 1, MinDifficulty = 1, MaxDifficulty = 1 }] };
        var changed = condition with { Phases = [impossible, .. condition.Phases.Skip(1)] };

        var problems = LibraryValidator.Validate(Shipped with { Conditions = [changed, .. Shipped.Conditions.Skip(1)] });

        Assert.Contains(problems, p => p.Path == $"conditions[{condition.Id}].phases[1].slots[{phase.Slots.Count}]" && p.Message.Contains("needs at least 2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_manual_technique_delivered_at_home_is_refused()
    {
        var manual = Shipped.Exercises.First(e => e.Category == ExerciseCategory.ManualTherapy);

        var problems = LibraryValidator.Validate(Replace(manual with { Delivery = Delivery.Home }));

        Assert.Contains(problems, p => p.Path == $"exercises[{manual.Id}].delivery");
    }

    [Fact]
    public void Unknown_precaution_tags_are_refused()
    {
        var problems = LibraryValidator.Validate(Replace(Shipped.Exercises[0] with { Contraindications = ["noSuchTag"] }));

        Assert.Contains(problems, p => p.Message.Contains("noSuchTag", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var broken = Shipped.Exercises[0] with { Id = "Bad Id", Difficulty = 9, CptCode = "12345" };

        var problems = LibraryValidator.Validate(Replace(Shipped.Exercises[0], broken));

        Assert.Contains(problems, p => p.Path == "exercises[Bad Id].id");
        Assert.Contains(problems, p => p.Path == "exercises[Bad Id].difficulty");
        Assert.Contains(problems, p => p.Path == "exercises[Bad Id].cptCode");
    }

    private static LibraryContent Replace(Exercise changed) => Replace(Shipped.Exercises.Single(e => e.Id == changed.Id), changed);

    private static LibraryContent Replace(Exercise original, Exercise changed) =>
        Shipped with { Exercises = [.. Shipped.Exercises.Select(e => ReferenceEquals(e, original) ? changed : e)] };

    private static Exercise Exercise(string id) => SyntheticLibrary.Exercise(id, ExerciseCategory.Strength, 2);
}
