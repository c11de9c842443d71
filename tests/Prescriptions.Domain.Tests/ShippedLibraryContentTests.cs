using Prescriptions.Testing;
using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Tests;

/// <summary>The shipped library meets the product's size and coverage rules (the validator proves the rest).</summary>
public sealed class ShippedLibraryContentTests
{
    private static LibraryContent Library => ShippedLibrary.Content;

    private static int Count(params ExerciseCategory[] categories) => Library.Exercises.Count(e => categories.Contains(e.Category));

    [Fact]
    public void It_has_at_least_150_exercises_in_the_required_categories()
    {
        Assert.True(Library.Exercises.Count >= 150, $"{Library.Exercises.Count} exercises");
        Assert.True(Library.Exercises.Count(e => e.IsNeuromuscular) >= 60);
        Assert.True(Count(ExerciseCategory.Functional) >= 15);
        Assert.True(Count(ExerciseCategory.Gait) >= 10);
        Assert.True(Count(ExerciseCategory.ManualTherapy) >= 10);
        Assert.True(Count(ExerciseCategory.Strength, ExerciseCategory.RangeOfMotion, ExerciseCategory.Flexibility, ExerciseCategory.Plyometric, ExerciseCategory.Aerobic) > 0);
    }

    [Fact]
    public void The_library_covers_at_least_eighteen_conditions_and_each_variant_names_an_existing_condition()
    {
        Assert.True(Library.Conditions.Count >= 18, $"{Library.Conditions.Count} conditions");
        Assert.All(Library.Conditions.Where(c => c.VariantOf is not null), c => Assert.Contains(Library.Conditions, other => other.Id == c.VariantOf));
    }

    [Fact]
    public void Manual_techniques_are_clinic_only_and_billed_97140()
    {
        Assert.All(Library.Exercises.Where(e => e.Category == ExerciseCategory.ManualTherapy), e =>
        {
            Assert.Equal(Delivery.Clinic, e.Delivery);
            Assert.Equal("97140", e.CptCode);
        });
    }

    [Theory]
    [InlineData("lateral-ankle-sprain")]
    [InlineData("acl-reconstruction")]
    [InlineData("total-knee-arthroplasty")]
    [InlineData("total-hip-arthroplasty")]
    [InlineData("rotator-cuff-repair")]
    [InlineData("low-back-pain")]
    [InlineData("patellofemoral-pain")]
    [InlineData("neck-pain")]
    [InlineData("stroke-hemiparesis")]
    [InlineData("fall-risk")]
    [InlineData("distal-radius-fracture")]
    [InlineData("achilles-tendinopathy")]
    [InlineData("total-hip-arthroplasty-anterior")]
    [InlineData("distal-radius-fracture-volar-plate")]
    [InlineData("rotator-cuff-repair-subscapularis")]
    [InlineData("knee-osteoarthritis")]
    [InlineData("hip-osteoarthritis")]
    [InlineData("subacromial-pain")]
    [InlineData("frozen-shoulder")]
    [InlineData("vestibular-hypofunction")]
    [InlineData("concussion")]
    [InlineData("parkinsons-disease")]
    public void Each_condition_of_the_clinical_notes_has_codes_a_guideline_and_four_phases_of_data(string conditionId)
    {
        var condition = Library.Conditions.SingleOrDefault(c => c.Id == conditionId);

        Assert.NotNull(condition);
        Assert.NotEmpty(condition.Icd10Codes);
        Assert.False(string.IsNullOrWhiteSpace(condition.Guideline));
        Assert.Equal([1, 2, 3, 4], condition.Phases.Select(p => p.Number));
        Assert.All(condition.Phases, phase =>
        {
            Assert.NotEmpty(phase.Goals);
            Assert.True(phase.MinDays >= 1);
            Assert.NotEmpty(phase.ExitCriteria);
            Assert.NotEmpty(phase.Slots);
            Assert.False(string.IsNullOrWhiteSpace(phase.DoseProfile.Description));
        });
    }

    [Fact]
    public void Every_body_region_a_condition_needs_has_an_easy_option_without_weight_bearing()
    {
        var regions = Library.Conditions.SelectMany(c => c.BodyRegions).Distinct();

        Assert.All(regions, region => Assert.Contains(Library.Exercises, e =>
            e.BodyRegions.Contains(region) && e.WeightBearing == WeightBearing.None && e.Delivery == Delivery.Home && e.Difficulty <= 2));
    }

    [Fact]
    public void Every_neuromuscular_exercise_sits_on_a_chain()
    {
        Assert.All(Library.Exercises.Where(e => e.IsNeuromuscular), e => Assert.True(e.ProgressionId is not null || e.RegressionId is not null, e.Id));
    }

    [Fact]
    public void No_media_is_shipped_without_a_licence()
    {
        Assert.All(Library.Exercises.SelectMany(e => e.Media), media =>
        {
            Assert.False(string.IsNullOrWhiteSpace(media.License));
            Assert.False(string.IsNullOrWhiteSpace(media.Attribution));
        });
    }
}
