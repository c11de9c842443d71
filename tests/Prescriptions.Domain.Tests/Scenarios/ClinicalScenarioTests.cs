using System.Text.Json;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Readiness;
using Prescriptions.Domain.Serialization;
using Prescriptions.Testing;

namespace Prescriptions.Domain.Tests.Scenarios;

/// <summary>
/// The clinical scenario suite: every patient of Scenarios/*.json assembled on the shipped library, each rule
/// checked by property. Every case of the clinical review is here, with household or no equipment too.
/// </summary>
public sealed class ClinicalScenarioTests
{
    /// <summary>The suite's fixed day: time since surgery or injury counts back from it.</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyList<Equipment> Household = [Equipment.Chair, Equipment.Wall, Equipment.Towel, Equipment.Table];

    private static readonly Lazy<IReadOnlyDictionary<string, ClinicalScenario>> All = new(Load);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in All.Value.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void The_suite_has_at_least_forty_patients_with_unique_names() =>
        Assert.True(All.Value.Count >= 40, $"{All.Value.Count} scenarios");

    [Theory]
    [MemberData(nameof(Names))]
    public void The_program_keeps_the_clinicians_rules(string name)
    {
        var scenario = All.Value[name];
        var variants = new List<(string Label, PatientConstraints Constraints)> { ("as written", scenario.Request.Constraints) };
        if (scenario.AlsoWithHouseholdOrNoEquipment)
        {
            variants.Add(("household equipment", scenario.Request.Constraints with { Equipment = Household }));
            variants.Add(("no equipment", scenario.Request.Constraints with { Equipment = [] }));
        }

        foreach (var (label, constraints) in variants)
        {
            Check(scenario, ToRequest(scenario.Request) with { Constraints = constraints }, $"{name} ({label})", explainedShortfallAllowed: label != "as written");
        }
    }

    public static AssemblyRequest ToRequest(ScenarioRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = DateOnly.FromDateTime(AsOf.UtcDateTime);
        DateOnly? WeeksAgo(double? weeks) => weeks is { } w ? today.AddDays(-(int)Math.Round(w * 7)) : null;
        return new AssemblyRequest(request.ConditionId, request.Phase, request.Side, request.Constraints)
        {
            OtherConditions = request.OtherConditions,
            SurgeryDate = WeeksAgo(request.WeeksSinceSurgery),
            InjuryDate = WeeksAgo(request.WeeksSinceInjury),
            AsOf = AsOf,
            Evidence = [.. request.Measurements.Select(m => new Evidence(m.Measure, m.Value, m.Unit, AsOf.AddDays(-1), "scenario"))],
        };
    }

    /// <summary>
    /// With less equipment than the scenario was written for, a slot may stay short: that is accepted only when the
    /// program says which equipment would fill it (never by giving something less safe instead).
    /// </summary>
    private static bool ExplainsMissingEquipment(AssembledProgram program) =>
        program.Warnings.Any(IsEquipmentWarning);

    private static bool IsEquipmentWarning(string warning) =>
        warning.Contains(" at home, ", StringComparison.Ordinal) || warning.Contains("which the patient does not have", StringComparison.Ordinal);

    /// <summary>A short slot of the rule's own kind (its category, or the exercise it names) that the program says equipment would fill.</summary>
    private static bool ExplainsShortfall(AssembledProgram program, ItemRule rule, ExerciseLibrary library)
    {
        var categories = rule.AnyCategory ?? (rule.Category is { } category ? [category] : []);
        var named = rule.ExerciseId is { } id ? library.FindExercise(id)?.Name : null;
        return program.Warnings.Where(IsEquipmentWarning).Any(warning =>
            categories.Any(c => warning.Contains($"({ClinicalText.Words(c)})", StringComparison.Ordinal))
            || (named is not null && warning.Contains(named, StringComparison.Ordinal)));
    }

    private static void Check(ClinicalScenario scenario, AssemblyRequest request, string label, bool explainedShortfallAllowed)
    {
        var library = ShippedLibrary.Indexed;
        var result = ProgramAssembler.Assemble(library, request);
        Assert.True(result.Program is not null, $"{label}: {string.Join("; ", result.Problems.Select(p => p.Message))}");
        var program = result.Program!;
        var items = program.Items.Concat(program.ClinicItems).Select(item => (Item: item, Exercise: library.FindExercise(item.ExerciseId)!)).ToArray();
        var described = string.Join(", ", items.Select(i => i.Item.ExerciseId));

        // Every program of the suite keeps the hard rules and the slot's difficulty ceiling, whatever the scenario says.
        var precautions = PrecautionSet.Resolve(library, library.FindCondition(request.ConditionId)!.FindPhase(request.Phase)!, request).Precautions;
        var phase = library.FindCondition(request.ConditionId)!.FindPhase(request.Phase)!;
        foreach (var (item, exercise) in items)
        {
            Assert.True(SafetyRules.IsSafe(exercise, precautions, item.Dose), $"{label}: {exercise.Id} breaks a precaution");
            if (item.Slot is { } slot)
            {
                Assert.True(exercise.Difficulty <= phase.Slots[slot - 1].MaxDifficulty, $"{label}: {exercise.Id} (difficulty {exercise.Difficulty}) is above its slot's {phase.Slots[slot - 1].MaxDifficulty}");
            }
        }

        foreach (var rule in scenario.MustNotInclude)
        {
            var offending = items.Where(i => rule.Matches(i.Exercise)).Select(i => i.Exercise.Id).ToArray();
            Assert.True(offending.Length == 0, $"{label}: must not include [{rule}] but has {string.Join(", ", offending)}");
        }

        foreach (var rule in scenario.MustInclude)
        {
            var count = items.Count(i => rule.Matches(i.Exercise));
            if (count < rule.AtLeast && explainedShortfallAllowed && ExplainsShortfall(program, rule, library))
            {
                continue;
            }

            Assert.True(count >= rule.AtLeast, $"{label}: must include {rule.AtLeast} x [{rule}] but has {count}: {described}; warnings: {string.Join(" | ", program.Warnings)}");
        }

        var expect = scenario.Expect;
        var minutes = expect.MaxMinutesPerSession ?? request.Constraints.MaxMinutesPerSession ?? PatientConstraints.DefaultMaxMinutesPerSession;
        Assert.True(program.EstimatedMinutesPerSession <= minutes, $"{label}: {program.EstimatedMinutesPerSession} minutes a session, more than {minutes}");
        if (expect.MinHomeItems is { } minItems)
        {
            Assert.True(program.Items.Count >= minItems, $"{label}: {program.Items.Count} home items, fewer than {minItems}: {described}");
        }

        if (expect.MinWeeklyBalanceMinutes is { } balance && !(explainedShortfallAllowed && ExplainsMissingEquipment(program)))
        {
            var weekly = program.Items.Where(i => i.Category == ExerciseCategory.Balance)
                .Sum(i => i.Dose.EstimatedSeconds * i.Dose.SessionsPerDay * i.Dose.DaysPerWeek) / 60.0;
            Assert.True(weekly >= balance, $"{label}: {weekly:0} minutes of balance a week, fewer than {balance}: {described}");
        }

        if (expect.EntryCriteriaNotMet is { } notMet)
        {
            Assert.Equal(notMet, program.EntryCriteria.Any(c => c.Status == CriterionStatus.NotMet));
        }

        foreach (var text in expect.WarningsContain)
        {
            Assert.True(program.Warnings.Any(w => w.Contains(text, StringComparison.OrdinalIgnoreCase)), $"{label}: no warning says '{text}': {string.Join(" | ", program.Warnings)}");
        }

        foreach (var text in expect.HeldPrecautionsContain)
        {
            Assert.True(program.HeldPrecautions.Any(w => w.Contains(text, StringComparison.OrdinalIgnoreCase)), $"{label}: no held precaution says '{text}': {string.Join(" | ", program.HeldPrecautions)}");
        }

        if (expect.HeartRateReserveOnWalking is true && !(explainedShortfallAllowed && ExplainsMissingEquipment(program) && !program.Items.Any(i => i.Category is ExerciseCategory.Aerobic or ExerciseCategory.Gait)))
        {
            var walking = program.Items.Where(i => i.Category is ExerciseCategory.Aerobic or ExerciseCategory.Gait).ToArray();
            Assert.NotEmpty(walking);
            Assert.True(walking.Any(i => i.Dose.HeartRateReserve is not null), $"{label}: no walking item has a heart-rate-reserve target");
        }

        // RPE only where it means something.
        foreach (var item in program.Items.Where(i => i.Dose.Rpe is not null))
        {
            Assert.True(item.Category is ExerciseCategory.Strength or ExerciseCategory.Functional or ExerciseCategory.Plyometric or ExerciseCategory.Aerobic or ExerciseCategory.Gait,
                $"{label}: {item.ExerciseId} ({item.Category}) is dosed with RPE {item.Dose.Rpe}");
        }
    }

    private static Dictionary<string, ClinicalScenario> Load()
    {
        var folder = RepositoryPaths.Combine("tests", "Prescriptions.Domain.Tests", "Scenarios");
        var scenarios = new Dictionary<string, ClinicalScenario>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var list = JsonSerializer.Deserialize<List<ClinicalScenario>>(File.ReadAllText(file), DomainJson.Options)
                ?? throw new InvalidOperationException($"{file} is empty");
            foreach (var scenario in list)
            {
                if (!scenarios.TryAdd(scenario.Name, scenario))
                {
                    throw new InvalidOperationException($"Scenario name used twice: {scenario.Name}");
                }
            }
        }

        return scenarios;
    }
}
