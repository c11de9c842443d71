using System.Text.RegularExpressions;

namespace Prescriptions.Domain.Library;

/// <summary>
/// Decides whether a library may be published. It reports every problem at once, so an editor can fix
/// them in one pass; an empty list means the library is safe to publish.
/// </summary>
public static partial class LibraryValidator
{
    public static readonly IReadOnlySet<string> CptCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "97110", "97112", "97116", "97140", "97530",
    };

    public const int MinInstructionSteps = 3;
    public const int MaxInstructionSteps = 6;
    public const int PhaseCount = 4;

    public static IReadOnlyList<LibraryProblem> Validate(LibraryContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var problems = new List<LibraryProblem>();
        var exercises = new Dictionary<string, Exercise>(StringComparer.Ordinal);
        foreach (var exercise in content.Exercises)
        {
            var path = $"exercises[{exercise.Id}]";
            if (!exercises.TryAdd(exercise.Id, exercise))
            {
                problems.Add(new(path, "the id is used more than once"));
            }

            ValidateExercise(exercise, path, problems);
        }

        ValidateLinks(exercises, problems);

        var conditionIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var condition in content.Conditions)
        {
            var path = $"conditions[{condition.Id}]";
            if (!conditionIds.Add(condition.Id))
            {
                problems.Add(new(path, "the id is used more than once"));
            }

            ValidateCondition(condition, path, exercises.Values, problems);
        }

        // One measure, one unit: a reading recorded in one unit must be able to meet every criterion on that measure.
        var criteria = content.Conditions.SelectMany(c => c.Gates.SelectMany(g => g.LiftedWhen)
            .Concat(c.Phases.SelectMany(p => p.EntryCriteria.Concat(p.ExitCriteria).Concat(p.Gates.SelectMany(g => g.LiftedWhen)))));
        foreach (var measure in criteria.GroupBy(c => c.Measure, StringComparer.Ordinal).Where(g => g.Select(c => c.Unit).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1))
        {
            problems.Add(new("conditions", $"'{measure.Key}' is given in several units ({string.Join(", ", measure.Select(c => c.Unit).Distinct(StringComparer.OrdinalIgnoreCase))}); use one, so one reading can meet every criterion"));
        }

        if (content.Exercises.Count == 0)
        {
            problems.Add(new("exercises", "the library has no exercises"));
        }

        if (content.Conditions.Count == 0)
        {
            problems.Add(new("conditions", "the library has no conditions"));
        }

        return problems;
    }

    private static void ValidateExercise(Exercise exercise, string path, List<LibraryProblem> problems)
    {
        if (!KebabCase().IsMatch(exercise.Id))
        {
            problems.Add(new($"{path}.id", "must be a kebab-case slug (a-z, 0-9 and single hyphens)"));
        }

        RequireText(exercise.Name, $"{path}.name", problems);
        RequireText(exercise.Summary, $"{path}.summary", problems);
        if (exercise.Instructions.Count is < MinInstructionSteps or > MaxInstructionSteps)
        {
            problems.Add(new($"{path}.instructions", $"must have {MinInstructionSteps}-{MaxInstructionSteps} steps"));
        }

        for (var i = 0; i < exercise.Instructions.Count; i++)
        {
            RequireText(exercise.Instructions[i], $"{path}.instructions[{i}]", problems);
        }

        foreach (var (language, wording) in exercise.Translations)
        {
            ValidateTranslation(exercise, language, wording, $"{path}.translations.{language}", problems);
        }

        if (exercise.Difficulty is < 1 or > 5)
        {
            problems.Add(new($"{path}.difficulty", "must be 1-5"));
        }

        if (exercise.BodyRegions.Count == 0)
        {
            problems.Add(new($"{path}.bodyRegions", "name at least one body region"));
        }

        if (!CptCodes.Contains(exercise.CptCode))
        {
            problems.Add(new($"{path}.cptCode", $"must be one of {string.Join(", ", CptCodes.Order())}"));
        }

        var isManual = exercise.Category == ExerciseCategory.ManualTherapy;
        if (isManual && (exercise.Delivery != Delivery.Clinic || exercise.CptCode != "97140"))
        {
            problems.Add(new($"{path}.delivery", "a manual technique is delivered in clinic only and billed as 97140"));
        }

        if (!isManual && exercise.CptCode == "97140")
        {
            problems.Add(new($"{path}.cptCode", "97140 is for manual techniques only"));
        }

        foreach (var (field, message) in DoseBounds.Check(exercise.DefaultDose))
        {
            problems.Add(new($"{path}.defaultDose.{field}", message));
        }

        foreach (var tag in exercise.Contraindications.Where(tag => !PrecautionTags.All.Contains(tag)))
        {
            problems.Add(new($"{path}.contraindications", $"'{tag}' is not a known precaution tag"));
        }

        if (exercise.Category == ExerciseCategory.Plyometric
            && !(exercise.Contraindications.Contains(PrecautionTags.NoImpact) && exercise.Contraindications.Contains(PrecautionTags.FallRisk)))
        {
            problems.Add(new($"{path}.contraindications", "a plyometric exercise is contraindicated under noImpact and fallRisk"));
        }

        if (exercise.Contraindications.Contains(PrecautionTags.NoCutting) && !exercise.Contraindications.Contains(PrecautionTags.NoImpact)
            && exercise.Category is ExerciseCategory.Plyometric or ExerciseCategory.Coordination)
        {
            problems.Add(new($"{path}.contraindications", "a cutting or agility drill is contraindicated under noImpact too"));
        }

        if (exercise.DefaultDose.Reps == 1 && exercise.DefaultDose.Sets > 1)
        {
            problems.Add(new($"{path}.defaultDose.reps", "one repetition per set reads oddly ('3 sets of 1'): give one set, more repetitions, or a duration"));
        }

        if (exercise.Category == ExerciseCategory.Flexibility && exercise.DefaultDose.DurationSeconds is null
            && exercise.DefaultDose.HoldSeconds is not >= DoseRules.MinStretchHoldSeconds)
        {
            problems.Add(new($"{path}.defaultDose.holdSeconds", $"a stretch is held at least {DoseRules.MinStretchHoldSeconds} seconds (ACSM)"));
        }

        foreach (var motion in exercise.JointMotions.Where(motion => motion.Degrees is < 0 or > 360))
        {
            problems.Add(new($"{path}.jointMotions", $"{motion.Joint} {motion.Motion}: degrees must be 0-360"));
        }

        for (var i = 0; i < exercise.Media.Count; i++)
        {
            var media = exercise.Media[i];
            RequireText(media.BlobPath, $"{path}.media[{i}].blobPath", problems);
            RequireText(media.AltText, $"{path}.media[{i}].altText", problems);
            RequireText(media.License, $"{path}.media[{i}].license", problems);
            RequireText(media.Attribution, $"{path}.media[{i}].attribution", problems);
        }
    }

    /// <summary>A translation says what the English says, step for step: the same rules as the English texts, and as many entries.</summary>
    private static void ValidateTranslation(Exercise exercise, string language, ExerciseWording wording, string path, List<LibraryProblem> problems)
    {
        if (language == ExerciseLanguage.English)
        {
            problems.Add(new(path, "English is the exercise's own text (name, summary, instructions, cues, safety), not a translation"));
        }
        else if (!ExerciseLanguage.IsTranslationKey(language))
        {
            problems.Add(new(path, "must be keyed by a lower-case 2-3 letter language code such as 'es' (a reader's 'es-MX' is served by 'es')"));
        }

        RequireText(wording.Name, $"{path}.name", problems);
        RequireText(wording.Summary, $"{path}.summary", problems);
        RequireSameCount(wording.Instructions, exercise.Instructions, "step", $"{path}.instructions", problems);
        RequireSameCount(wording.Cues, exercise.Cues, "cue", $"{path}.cues", problems);
        RequireSameCount(wording.Safety, exercise.Safety, "safety note", $"{path}.safety", problems);
    }

    /// <summary>A dose profile's stop rules in another language: keyed like an exercise's translation, one rule for each English rule.</summary>
    private static void ValidateStopRulesTranslation(CategoryDose dose, string language, StopRulesWording wording, string path, List<LibraryProblem> problems)
    {
        if (language == ExerciseLanguage.English)
        {
            problems.Add(new(path, "English is the dose profile's own stop rules, not a translation"));
        }
        else if (!ExerciseLanguage.IsTranslationKey(language))
        {
            problems.Add(new(path, "must be keyed by a lower-case 2-3 letter language code such as 'es' (a reader's 'es-MX' is served by 'es')"));
        }

        RequireSameCount(wording.StopRules, dose.StopRules, "stop rule", $"{path}.stopRules", problems);
    }

    /// <summary>A condition's or phase's name in another language: keyed like an exercise's translation, and not empty.</summary>
    private static void ValidateNameTranslation(string owner, string language, NameWording wording, string path, List<LibraryProblem> problems)
    {
        if (language == ExerciseLanguage.English)
        {
            problems.Add(new(path, $"English is the {owner}'s own name, not a translation"));
        }
        else if (!ExerciseLanguage.IsTranslationKey(language))
        {
            problems.Add(new(path, "must be keyed by a lower-case 2-3 letter language code such as 'es' (a reader's 'es-MX' is served by 'es')"));
        }

        RequireText(wording.Name, $"{path}.name", problems);
    }

    private static void RequireSameCount(IReadOnlyList<string> translated, IReadOnlyList<string> english, string called, string path, List<LibraryProblem> problems)
    {
        if (translated.Count != english.Count)
        {
            problems.Add(new(path, $"must have {english.Count} {called}(s), one for each English {called} in the same order (it has {translated.Count})"));
        }

        for (var i = 0; i < translated.Count; i++)
        {
            RequireText(translated[i], $"{path}[{i}]", problems);
        }
    }

    private static void ValidateLinks(Dictionary<string, Exercise> exercises, List<LibraryProblem> problems)
    {
        foreach (var exercise in exercises.Values)
        {
            var path = $"exercises[{exercise.Id}]";
            CheckLink(exercise, exercise.ProgressionId, "progressionId", e => e.RegressionId, "regressionId");
            CheckLink(exercise, exercise.RegressionId, "regressionId", e => e.ProgressionId, "progressionId");
            if (exercise.IsNeuromuscular && exercise.ProgressionId is null && exercise.RegressionId is null)
            {
                problems.Add(new(path, "a neuromuscular exercise needs a progression or a regression"));
            }

            void CheckLink(Exercise from, string? targetId, string field, Func<Exercise, string?> back, string backField)
            {
                if (targetId is null)
                {
                    return;
                }

                if (!exercises.TryGetValue(targetId, out var target))
                {
                    problems.Add(new($"{path}.{field}", $"'{targetId}' is not an exercise of the library"));
                }
                else if (targetId == from.Id)
                {
                    problems.Add(new($"{path}.{field}", "an exercise cannot link to itself"));
                }
                else if (back(target) != from.Id)
                {
                    problems.Add(new($"{path}.{field}", $"'{targetId}' must link back with {backField} = '{from.Id}'"));
                }
            }
        }

        // Follow each progression chain; meeting an exercise twice on one walk is a cycle.
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in exercises.Values)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { start.Id };
            for (var next = start.ProgressionId; next is not null && exercises.TryGetValue(next, out var step); next = step.ProgressionId)
            {
                if (!seen.Add(step.Id))
                {
                    if (reported.Add(step.Id))
                    {
                        problems.Add(new($"exercises[{step.Id}].progressionId", "the progression chain has a cycle"));
                    }

                    break;
                }
            }
        }
    }

    private static void ValidateCondition(Condition condition, string path, IEnumerable<Exercise> exercises, List<LibraryProblem> problems)
    {
        if (!KebabCase().IsMatch(condition.Id))
        {
            problems.Add(new($"{path}.id", "must be a kebab-case slug"));
        }

        RequireText(condition.Name, $"{path}.name", problems);
        RequireText(condition.Summary, $"{path}.summary", problems);
        foreach (var (language, wording) in condition.Translations)
        {
            ValidateNameTranslation("condition", language, wording, $"{path}.translations.{language}", problems);
        }

        RequireText(condition.Guideline, $"{path}.guideline", problems);
        if (condition.Icd10Codes.Count == 0)
        {
            problems.Add(new($"{path}.icd10Codes", "name at least one ICD-10 code"));
        }

        foreach (var code in condition.Icd10Codes.Where(code => !Icd10().IsMatch(code.Code)))
        {
            problems.Add(new($"{path}.icd10Codes", $"'{code.Code}' is not an ICD-10 code"));
        }

        foreach (var code in condition.Icd10Codes.Where(code => code.Side is Side.EachSide or Side.Both))
        {
            problems.Add(new($"{path}.icd10Codes", $"'{code.Code}': a code's side is left or right, or left out for codes of either side"));
        }

        if (condition.SnomedCode is { } snomed && !SnomedId().IsMatch(snomed))
        {
            problems.Add(new($"{path}.snomedCode", $"'{snomed}' is not a SNOMED CT identifier"));
        }

        for (var i = 0; i < condition.Gates.Count; i++)
        {
            ValidateGate(condition.Gates[i], $"{path}.gates[{i}]", problems);
        }

        if (condition.VariantOf is { } variantOf && (variantOf == condition.Id || !KebabCase().IsMatch(variantOf)))
        {
            problems.Add(new($"{path}.variantOf", "must name another condition's id"));
        }

        var numbers = condition.Phases.Select(phase => phase.Number).ToArray();
        if (!numbers.SequenceEqual(Enumerable.Range(1, PhaseCount)))
        {
            problems.Add(new($"{path}.phases", $"must be phases 1 to {PhaseCount}, in order"));
        }

        var pool = exercises.ToArray();
        foreach (var phase in condition.Phases)
        {
            ValidatePhase(condition, phase, $"{path}.phases[{phase.Number}]", pool, problems);
        }
    }

    private static void ValidateGate(PrecautionGate gate, string path, List<LibraryProblem> problems)
    {
        RequireText(gate.Reason, $"{path}.reason", problems);
        if (gate.LiftedWhen.Count == 0)
        {
            problems.Add(new($"{path}.liftedWhen", "a gate is lifted by criteria: name at least one"));
        }

        foreach (var criterion in gate.LiftedWhen.Where(c => !CamelCase().IsMatch(c.Measure) || string.IsNullOrWhiteSpace(c.Unit)))
        {
            problems.Add(new($"{path}.liftedWhen", $"'{criterion.Measure}' needs a camelCase measure and a unit"));
        }

        foreach (var tag in gate.Precautions.Tags.Where(tag => !PrecautionTags.All.Contains(tag)))
        {
            problems.Add(new($"{path}.precautions.tags", $"'{tag}' is not a known precaution tag"));
        }
    }

    private static void ValidatePhase(Condition condition, Phase phase, string path, Exercise[] pool, List<LibraryProblem> problems)
    {
        // Precautions that protect the person end only when a measured criterion says so, never by phase number.
        foreach (var tag in phase.Precautions.Tags.Where(PrecautionTags.ProtectThePerson.Contains))
        {
            problems.Add(new($"{path}.precautions.tags", $"'{tag}' protects the person, not a healing tissue: make it a condition gate lifted by a measured criterion"));
        }

        for (var i = 0; i < phase.Gates.Count; i++)
        {
            ValidateGate(phase.Gates[i], $"{path}.gates[{i}]", problems);
        }

        var held = condition.Gates.Concat(phase.Gates).Aggregate(phase.Precautions, (precautions, gate) => SafetyRules.Combine(precautions, gate.Precautions));
        RequireText(phase.Name, $"{path}.name", problems);
        foreach (var (language, wording) in phase.Translations)
        {
            ValidateNameTranslation("phase", language, wording, $"{path}.translations.{language}", problems);
        }

        if (phase.Goals.Count == 0)
        {
            problems.Add(new($"{path}.goals", "name at least one goal"));
        }

        if (phase.MinDays < 1)
        {
            problems.Add(new($"{path}.minDays", "must be at least 1"));
        }

        if (phase.ExitCriteria.Count == 0)
        {
            problems.Add(new($"{path}.exitCriteria", "a phase is left by criteria: name at least one"));
        }

        foreach (var criterion in phase.EntryCriteria.Concat(phase.ExitCriteria))
        {
            if (!CamelCase().IsMatch(criterion.Measure) || string.IsNullOrWhiteSpace(criterion.Unit))
            {
                problems.Add(new($"{path}.criteria", $"'{criterion.Measure}' needs a camelCase measure and a unit"));
            }
        }

        foreach (var tag in phase.Precautions.Tags.Where(tag => !PrecautionTags.All.Contains(tag)))
        {
            problems.Add(new($"{path}.precautions.tags", $"'{tag}' is not a known precaution tag"));
        }

        if (phase.Slots.Count == 0)
        {
            problems.Add(new($"{path}.slots", "a phase needs at least one slot"));
        }

        if (phase.DoseProfile.Sets is < DoseBounds.MinSets or > DoseBounds.MaxSets
            || phase.DoseProfile.Reps is < DoseBounds.MinReps or > DoseBounds.MaxReps
            || phase.DoseProfile.HoldSeconds is < 1 or > DoseBounds.MaxHoldSeconds)
        {
            problems.Add(new($"{path}.doseProfile", "sets, reps and holds must stay within the dose bounds"));
        }

        for (var i = 0; i < phase.DoseProfile.Categories.Count; i++)
        {
            var dose = phase.DoseProfile.Categories[i];
            foreach (var (language, wording) in dose.Translations)
            {
                ValidateStopRulesTranslation(dose, language, wording, $"{path}.doseProfile.categories[{i}].translations.{language}", problems);
            }
        }

        for (var i = 0; i < phase.Slots.Count; i++)
        {
            var slot = phase.Slots[i];
            var slotPath = $"{path}.slots[{i}]";
            if (slot.Count < 1 || slot.MinDifficulty < 1 || slot.MaxDifficulty > 5 || slot.MinDifficulty > slot.MaxDifficulty)
            {
                problems.Add(new(slotPath, "count must be at least 1 and the difficulty range within 1-5"));
                continue;
            }

            // Substitution must always be possible: one safe candidate more than the slot takes.
            var safeCandidates = pool.Count(exercise => SlotMatcher.Fits(exercise, slot) && SafetyRules.IsSafe(exercise, phase.Precautions));
            if (safeCandidates < slot.Count + 1)
            {
                problems.Add(new(slotPath,
                    $"{slot.Category} slot can be filled {safeCandidates} way(s) under the phase's precautions; it needs at least {slot.Count + 1}"));
            }

            // While every gate still holds (the earliest day, nothing measured yet) the slot must still fill.
            var gatedCandidates = pool.Count(exercise => SlotMatcher.Fits(exercise, slot) && SafetyRules.IsSafe(exercise, held));
            if (gatedCandidates < slot.Count)
            {
                problems.Add(new(slotPath,
                    $"{slot.Category} slot can be filled {gatedCandidates} way(s) while the gates hold; it needs at least {slot.Count}"));
            }

            foreach (var (ids, field) in new[] { (slot.RequiredExerciseIds, "requiredExerciseIds"), (slot.PreferredExerciseIds, "preferredExerciseIds") })
            {
                foreach (var id in ids)
                {
                    var named = pool.FirstOrDefault(exercise => exercise.Id == id);
                    if (named is null)
                    {
                        problems.Add(new($"{slotPath}.{field}", $"'{id}' is not an exercise of the library"));
                    }
                    else if (!SlotMatcher.Fits(named, slot) || !SafetyRules.IsSafe(named, phase.Precautions))
                    {
                        problems.Add(new($"{slotPath}.{field}", $"'{id}' does not fit the slot (category, difficulty, delivery, regions) or breaks the phase's precautions"));
                    }
                }
            }
        }
    }

    private static void RequireText(string? value, string path, List<LibraryProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(path, "must not be empty"));
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")]
    private static partial Regex Icd10();

    [GeneratedRegex("^[1-9][0-9]{5,17}$")]
    private static partial Regex SnomedId();
}
