using Prescriptions.Testing;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Safety;

namespace Prescriptions.Domain.Tests;

/// <summary>
/// Every condition x phase of the shipped library x a grid of patient limits: weight bearing none/partial/full,
/// no equipment/all equipment, tight and loose ROM caps, 3-8 exercises and 10-40 minutes.
/// </summary>
public sealed class AssemblyPropertyTests
{
    private static readonly WeightBearing[] WeightBearings = [WeightBearing.None, WeightBearing.Partial, WeightBearing.Full];
    private static readonly IReadOnlyList<Equipment>?[] EquipmentChoices = [[], null];
    private static readonly int[] ExerciseCounts = [3, 5, 8];
    private static readonly int[] Minutes = [10, 25, 40];

    /// <summary>Every joint motion capped at 30 degrees: most ranges beyond gentle motion are ruled out.</summary>
    private static readonly RomLimit[] TightCaps =
        [.. Enum.GetValues<Joint>().SelectMany(joint => Enum.GetValues<Motion>().Select(motion => new RomLimit(joint, motion, 30)))];

    public static TheoryData<string, int> EveryPhase() => ProgramAssemblerTests.EveryPhase();

    [Theory]
    [MemberData(nameof(EveryPhase))]
    public void No_hard_rule_is_broken_budgets_hold_nothing_repeats_and_every_item_is_explained(string conditionId, int phaseNumber)
    {
        var library = ShippedLibrary.Indexed;
        var reversed = new ExerciseLibrary("reversed", DateTimeOffset.UnixEpoch,
            ShippedLibrary.Content with { Exercises = [.. ShippedLibrary.Content.Exercises.Reverse()], Conditions = [.. ShippedLibrary.Content.Conditions.Reverse()] });
        var phase = library.FindCondition(conditionId)!.FindPhase(phaseNumber)!;
        var cases = 0;
        foreach (var weightBearing in WeightBearings)
        {
            foreach (var equipment in EquipmentChoices)
            {
                foreach (var caps in new[] { TightCaps, [] })
                {
                    foreach (var count in ExerciseCounts)
                    {
                        foreach (var minutes in Minutes)
                        {
                            var constraints = new PatientConstraints
                            {
                                WeightBearing = weightBearing,
                                Equipment = equipment,
                                RomLimits = caps,
                                MaxExercises = count,
                                MaxMinutesPerSession = minutes,
                            };
                            var request = new AssemblyRequest(conditionId, phaseNumber, Side.Left, constraints);
                            var program = ProgramAssembler.Assemble(library, request).Program!;
                            var label = $"{conditionId} p{phaseNumber} wb={weightBearing} eq={(equipment is null ? "all" : "none")} caps={caps.Length} n={count} min={minutes}";

                            AssertSafe(library, phase, constraints, program, label);
                            Assert.True(program.Items.Count <= count, label);
                            Assert.True(program.Items.Sum(i => i.Dose.EstimatedSeconds) <= minutes * 60, label);
                            Assert.True(program.EstimatedMinutesPerSession <= minutes, label);

                            var again = ProgramAssembler.Assemble(reversed, request).Program!;
                            Assert.Equal(Fingerprint(program), Fingerprint(again));
                            cases++;
                        }
                    }
                }
            }
        }

        Assert.Equal(WeightBearings.Length * EquipmentChoices.Length * 2 * ExerciseCounts.Length * Minutes.Length, cases);
    }

    private static void AssertSafe(ExerciseLibrary library, Phase phase, PatientConstraints constraints, AssembledProgram program, string label)
    {
        var precautions = SafetyRules.Combine(phase.Precautions, constraints.ToPrecautions());
        var all = program.Items.Concat(program.ClinicItems).ToArray();
        Assert.True(all.Select(i => i.ExerciseId).Distinct().Count() == all.Length, $"duplicate in {label}");
        foreach (var item in all)
        {
            var exercise = library.FindExercise(item.ExerciseId)!;
            Assert.True(SafetyRules.Check(exercise, precautions, item.Dose).Count == 0, $"{item.ExerciseId} breaks a precaution in {label}");
            Assert.True(constraints.Equipment is null || exercise.Delivery == Delivery.Clinic || exercise.Equipment.All(constraints.Equipment.Contains), $"{item.ExerciseId} needs equipment in {label}");
            if (item.Rationale.Contains("Substituted", StringComparison.Ordinal))
            {
                var slot = phase.Slots[item.Slot!.Value - 1];
                var targets = slot.BodyRegions.Count > 0 ? slot.BodyRegions : library.FindCondition(program.ConditionId)!.BodyRegions;
                Assert.True(exercise.BodyRegions.Any(targets.Contains), $"{item.ExerciseId} substitutes for a slot of other regions in {label}");
            }
            Assert.True(DoseBounds.Check(item.Dose).Count == 0, $"{item.ExerciseId} dose out of bounds in {label}");
            Assert.False(string.IsNullOrWhiteSpace(item.Rationale), label);
            Assert.Contains("Checked:", item.Rationale, StringComparison.Ordinal);
            Assert.Equal(exercise.Delivery, item.Delivery);
        }

        Assert.All(program.Items, i => Assert.Equal(Delivery.Home, i.Delivery));
        Assert.All(program.ClinicItems, i => Assert.Equal(Delivery.Clinic, i.Delivery));
    }

    private static string Fingerprint(AssembledProgram program) =>
        string.Join("|", program.Items.Concat(program.ClinicItems).Select(i => $"{i.ExerciseId}:{i.Dose}:{i.Rationale}")) + "#" + string.Join("|", program.Warnings);
}
