using Prescriptions.Domain.Library;
using Prescriptions.Testing;

namespace Prescriptions.Domain.Tests;

public sealed class SafetyRulesTests
{
    private static readonly Exercise Overhead = SyntheticLibrary.Exercise(
        "overhead-press",
        ExerciseCategory.Strength,
        3,
        WeightBearing.Full,
        contraindications: [PrecautionTags.NoImpact],
        region: BodyRegion.Shoulder,
        dose: new Dose { Sets = 3, Reps = 10, Load = new Load(LoadKind.Lb, 15) }) with
    {
        JointMotions = [new JointMotion(Joint.Shoulder, Motion.Flexion, 170)],
    };

    [Fact]
    public void Each_hard_rule_is_reported()
    {
        var precautions = new Precautions
        {
            WeightBearing = WeightBearing.Partial,
            RomLimits = [new RomLimit(Joint.Shoulder, Motion.Flexion, 90)],
            LiftingLimitKg = 4.5,
            Tags = [PrecautionTags.NoImpact],
        };

        var rules = SafetyRules.Check(Overhead, precautions).Select(v => v.Rule).ToArray();

        Assert.Equal([SafetyRules.WeightBearingRule, SafetyRules.RomLimitRule, SafetyRules.LiftingLimitRule, SafetyRules.ContraindicationRule], rules);
    }

    [Fact]
    public void Nothing_is_reported_within_the_limits()
    {
        var precautions = new Precautions { RomLimits = [new RomLimit(Joint.Shoulder, Motion.Flexion, 170)], LiftingLimitKg = 7 };

        Assert.Empty(SafetyRules.Check(Overhead, precautions));
    }

    [Fact]
    public void Combining_keeps_the_stricter_of_each_limit()
    {
        var phase = new Precautions
        {
            WeightBearing = WeightBearing.AsTolerated,
            RomLimits = [new RomLimit(Joint.Knee, Motion.Flexion, 90), new RomLimit(Joint.Hip, Motion.Flexion, 90)],
            LiftingLimitKg = 10,
            Tags = [PrecautionTags.NoImpact],
        };
        var patient = new Precautions
        {
            WeightBearing = WeightBearing.Partial,
            RomLimits = [new RomLimit(Joint.Knee, Motion.Flexion, 60)],
            Tags = [PrecautionTags.FallRisk],
        };

        var combined = SafetyRules.Combine(phase, patient);

        Assert.Equal(WeightBearing.Partial, combined.WeightBearing);
        Assert.Equal(60, combined.RomLimits.Single(l => l.Joint == Joint.Knee).MaxDegrees);
        Assert.Equal(90, combined.RomLimits.Single(l => l.Joint == Joint.Hip).MaxDegrees);
        Assert.Equal(10, combined.LiftingLimitKg);
        Assert.Equal([PrecautionTags.FallRisk, PrecautionTags.NoImpact], combined.Tags);
    }

    [Fact]
    public void Every_precaution_tag_has_words_a_therapist_reads()
    {
        Assert.All(PrecautionTags.All, tag => Assert.DoesNotContain(PrecautionTags.Words(tag), char.IsUpper));
        Assert.Contains("'no impact'", SafetyRules.Check(SyntheticLibrary.Exercise("hops", ExerciseCategory.Plyometric, 3, contraindications: [PrecautionTags.NoImpact]), new Precautions { Tags = [PrecautionTags.NoImpact] }).Single().Detail, StringComparison.Ordinal);
    }
}
