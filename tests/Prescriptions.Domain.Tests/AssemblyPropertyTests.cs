using Prescriptions.Testing;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;

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

    /// <summary>No precaution of the person's own, or every one that protects a person (a faller with osteoporosis and high blood pressure who must not jump).</summary>
    private static readonly string[][] PersonPrecautions =
        [[], [PrecautionTags.FallRisk, PrecautionTags.NoImpact, PrecautionTags.Osteoporosis, PrecautionTags.BloodPressure]];

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
                        foreach (var (minutes, person) in Minutes.SelectMany(m => PersonPrecautions.Select(p => (m, p))))
                        {
                            var constraints = new PatientConstraints
                            {
                                WeightBearing = weightBearing,
                                Equipment = equipment,
                                RomLimits = caps,
                                MaxExercises = count,
                                MaxMinutesPerSession = minutes,
                                Precautions = person,
                            };
                            var request = new AssemblyRequest(conditionId, phaseNumber, Side.Left, constraints);
                            var program = ProgramAssembler.Assemble(library, request).Program!;
                            var label = $"{conditionId} p{phaseNumber} wb={weightBearing} eq={(equipment is null ? "all" : "none")} caps={caps.Length} n={count} min={minutes} person={string.Join("+", person)}";

                            AssertSafe(library, phase, request, program, label);
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

        Assert.Equal(WeightBearings.Length * EquipmentChoices.Length * 2 * ExerciseCounts.Length * Minutes.Length * PersonPrecautions.Length, cases);
    }

    [Theory]
    [MemberData(nameof(EveryPhase))]
    public void With_no_limits_given_a_session_takes_at_most_thirty_minutes_and_doses_follow_their_category(string conditionId, int phaseNumber)
    {
        var library = ShippedLibrary.Indexed;
        var phase = library.FindCondition(conditionId)!.FindPhase(phaseNumber)!;
        foreach (var side in new Side?[] { null, Side.Right })
        {
            var program = ProgramAssembler.Assemble(library, new AssemblyRequest(conditionId, phaseNumber, side, new PatientConstraints())).Program!;
            var label = $"{conditionId} p{phaseNumber} side={side}";
            Assert.True(program.EstimatedMinutesPerSession <= PatientConstraints.DefaultMaxMinutesPerSession, $"{label}: {program.EstimatedMinutesPerSession} minutes");
            Assert.True(program.Items.Sum(i => i.Dose.EstimatedSeconds) <= PatientConstraints.DefaultMaxMinutesPerSession * 60, label);
            Assert.NotEmpty(program.Items);
            foreach (var item in program.Items)
            {
                var exercise = library.FindExercise(item.ExerciseId)!;
                var dose = item.Dose;
                var what = $"{label}: {item.ExerciseId} {dose}";
                Assert.False(dose.Reps == 1 && dose.Sets > 1, $"{what} reads 'sets of 1'");
                // Only the phase's own dose for the category may split duration work into bouts (2 x 2 minutes of walking).
                Assert.False(dose.DurationSeconds >= DoseRules.LongDurationSeconds && dose.Sets > exercise.DefaultDose.Sets && phase.DoseProfile.For(item.Category)?.Sets is null,
                    $"{what} stacks duration work by the phase's general sets");
                if (item.Category == ExerciseCategory.Flexibility && dose.HoldSeconds is { } hold)
                {
                    Assert.True(hold >= DoseRules.MinStretchHoldSeconds, $"{what} holds a stretch under 30 s");
                }

                if (dose.Rpe is not null)
                {
                    Assert.True(item.Category is ExerciseCategory.Strength or ExerciseCategory.Functional or ExerciseCategory.Plyometric or ExerciseCategory.Aerobic or ExerciseCategory.Gait, $"{what} has an RPE");
                }

                if (item.Category is ExerciseCategory.Strength && phase.DoseProfile.For(ExerciseCategory.Strength) is null)
                {
                    Assert.True(dose.SessionsPerDay == 1 && dose.DaysPerWeek is >= DoseRules.MinResistanceDaysPerWeek and <= DoseRules.MaxResistanceDaysPerWeek, $"{what}: resistance work more than once a day or outside 2-4 days a week");
                }

                if (side is not null && dose.Side == Side.EachSide)
                {
                    Assert.False(item.Category is ExerciseCategory.Strength or ExerciseCategory.RangeOfMotion or ExerciseCategory.Flexibility
                        && exercise.BodyRegions.Any(library.FindCondition(conditionId)!.BodyRegions.Contains) && !exercise.BodyRegions.Contains(BodyRegion.WholeBody),
                        $"{what}: injured-side work dosed on each side");
                }
            }
        }
    }

    private static void AssertSafe(ExerciseLibrary library, Phase phase, AssemblyRequest request, AssembledProgram program, string label)
    {
        var constraints = request.Constraints;
        var precautions = PrecautionSet.Resolve(library, phase, request).Precautions;
        var all = program.Items.Concat(program.ClinicItems).ToArray();
        Assert.True(all.Select(i => i.ExerciseId).Distinct().Count() == all.Length, $"duplicate in {label}");
        foreach (var item in all)
        {
            var exercise = library.FindExercise(item.ExerciseId)!;
            Assert.True(SafetyRules.Check(exercise, precautions, item.Dose).Count == 0, $"{item.ExerciseId} breaks a precaution in {label}");
            if (item.Slot is { } slotNumber)
            {
                Assert.True(exercise.Difficulty <= phase.Slots[slotNumber - 1].MaxDifficulty, $"{item.ExerciseId} is harder than its slot allows in {label}");
            }

            var person = constraints.Precautions;
            Assert.False(exercise.Contraindications.Intersect(person).Any(), $"{item.ExerciseId} conflicts with the person's precautions in {label}");
            Assert.False(item.Category == ExerciseCategory.Plyometric && (person.Contains(PrecautionTags.FallRisk) || person.Contains(PrecautionTags.NoImpact)), $"{item.ExerciseId} is plyometric for a person who must not jump or fall in {label}");
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
