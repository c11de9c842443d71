namespace Prescriptions.Domain.Library;

/// <summary>
/// The hard rules an exercise must keep under a set of precautions. The validator, the engine and the
/// re-check of a therapist's edits all use this one implementation.
/// </summary>
public static class SafetyRules
{
    public const string WeightBearingRule = "weightBearing";
    public const string UpperLimbWeightBearingRule = "upperLimbWeightBearing";
    public const string RomLimitRule = "romLimit";
    public const string LiftingLimitRule = "liftingLimit";
    public const string ContraindicationRule = "contraindication";

    public static IReadOnlyList<RuleViolation> Check(Exercise exercise, Precautions precautions, Dose? dose = null)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(precautions);
        List<RuleViolation>? violations = null;

        if (exercise.WeightBearing > precautions.WeightBearing)
        {
            (violations ??= []).Add(new(WeightBearingRule,
                $"needs {Describe(exercise.WeightBearing)} weight bearing; allowed is {Describe(precautions.WeightBearing)}"));
        }

        if (exercise.UpperLimbWeightBearing > precautions.UpperLimbWeightBearing)
        {
            (violations ??= []).Add(new(UpperLimbWeightBearingRule,
                $"puts {Describe(exercise.UpperLimbWeightBearing)} weight through the arm and hand; allowed is {Describe(precautions.UpperLimbWeightBearing)}"));
        }

        foreach (var limit in precautions.RomLimits)
        {
            foreach (var demand in exercise.JointMotions)
            {
                if (limit.IsBrokenBy(demand))
                {
                    (violations ??= []).Add(new(RomLimitRule, DescribeCap(demand, limit)));
                }
            }
        }

        var kilograms = (dose ?? exercise.DefaultDose).Load?.Kilograms;
        if (precautions.LiftingLimitKg is { } maxKg && kilograms is { } kg && kg > maxKg)
        {
            (violations ??= []).Add(new(LiftingLimitRule, $"loads {kg:0.#} kg; the lifting limit is {maxKg:0.#} kg"));
        }

        foreach (var tag in precautions.Tags)
        {
            if (exercise.Contraindications.Contains(tag, StringComparer.Ordinal))
            {
                (violations ??= []).Add(new(ContraindicationRule, $"is contraindicated under the precaution '{PrecautionTags.Words(tag)}'"));
            }
        }

        return violations ?? (IReadOnlyList<RuleViolation>)[];
    }

    public static bool IsSafe(Exercise exercise, Precautions precautions) => IsSafe(exercise, precautions, null);

    /// <summary>The same rules as <see cref="Check"/>, answered without building any text (the engine's hot path).</summary>
    public static bool IsSafe(Exercise exercise, Precautions precautions, Dose? dose)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(precautions);
        if (exercise.WeightBearing > precautions.WeightBearing || exercise.UpperLimbWeightBearing > precautions.UpperLimbWeightBearing)
        {
            return false;
        }

        foreach (var limit in precautions.RomLimits)
        {
            foreach (var demand in exercise.JointMotions)
            {
                if (limit.IsBrokenBy(demand))
                {
                    return false;
                }
            }
        }

        if (precautions.LiftingLimitKg is { } maxKg && (dose ?? exercise.DefaultDose).Load?.Kilograms is { } kg && kg > maxKg)
        {
            return false;
        }

        foreach (var tag in precautions.Tags)
        {
            foreach (var contraindication in exercise.Contraindications)
            {
                if (string.Equals(tag, contraindication, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The stricter of two sets of precautions: least weight bearing, tightest caps, lowest lifting limit, all tags.</summary>
    public static Precautions Combine(Precautions first, Precautions second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var caps = first.RomLimits.Concat(second.RomLimits)
            .GroupBy(limit => (limit.Joint, limit.Motion, limit.AppliesFrom))
            .Select(group => group.MinBy(limit => limit.MaxDegrees)!)
            .OrderBy(limit => limit.Joint).ThenBy(limit => limit.Motion).ThenBy(limit => limit.AppliesFrom)
            .ToArray();
        double? lifting = (first.LiftingLimitKg, second.LiftingLimitKg) switch
        {
            (null, var b) => b,
            (var a, null) => a,
            var (a, b) => Math.Min(a!.Value, b!.Value),
        };
        return new Precautions
        {
            WeightBearing = (WeightBearing)Math.Min((int)first.WeightBearing, (int)second.WeightBearing),
            UpperLimbWeightBearing = (WeightBearing)Math.Min((int)first.UpperLimbWeightBearing, (int)second.UpperLimbWeightBearing),
            RomLimits = caps,
            LiftingLimitKg = lifting,
            Tags = [.. first.Tags.Union(second.Tags, StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        };
    }

    private static string DescribeCap(JointMotion demand, RomLimit limit)
    {
        var motion = $"{ClinicalText.Words(demand.Joint)} {ClinicalText.Words(demand.Motion)}";
        var mode = demand.Mode == MotionMode.Passive ? string.Empty : $" ({ClinicalText.Words(demand.Mode)})";
        var scope = limit.AppliesFrom switch
        {
            MotionMode.Passive => string.Empty,
            MotionMode.ActiveAssisted => " for assisted, active and resisted motion",
            MotionMode.Active => " for active and resisted motion",
            _ => " for resisted motion",
        };
        return limit.MaxDegrees == 0
            ? $"needs {motion}{mode}, which is not allowed{scope}"
            : $"needs {motion}{mode} to {demand.Degrees} degrees; the cap{scope} is {limit.MaxDegrees}";
    }

    private static string Describe(WeightBearing value) => value switch
    {
        WeightBearing.None => "no",
        WeightBearing.ToeTouch => "toe-touch",
        WeightBearing.Partial => "partial",
        WeightBearing.AsTolerated => "as-tolerated",
        _ => "full",
    };
}
