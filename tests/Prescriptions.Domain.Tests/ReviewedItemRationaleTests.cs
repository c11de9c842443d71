using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Testing;

namespace Prescriptions.Domain.Tests;

/// <summary>
/// A therapist's edited list keeps a clinical reason for every item: the engine's own for what it would choose (through
/// every later save), the fitting slot of the phase for a therapist's pick, never a bare "chosen by the therapist".
/// </summary>
public sealed class ReviewedItemRationaleTests
{
    private static ExerciseLibrary Library => ShippedLibrary.Indexed;

    private static readonly AssemblyRequest Ankle = new("lateral-ankle-sprain", 2, Side.Left, new PatientConstraints { MaxExercises = 4 });

    private static Phase Phase2 => Library.FindCondition("lateral-ankle-sprain")!.FindPhase(2)!;

    [Fact]
    public void The_engines_items_saved_unchanged_keep_the_engines_reasons()
    {
        var engine = ProgramAssembler.Assemble(Library, Ankle).Program!;

        var reviewed = ItemReview.Review(Library, Phase2, Ankle, [.. engine.Items.Select(item => new ProposedItem(item.ExerciseId, item.Dose, null))]);

        Assert.Equal(engine.Items.Select(item => item.Rationale), reviewed.Items.Select(item => item.Rationale));
    }

    [Fact]
    public void An_edited_dose_keeps_the_engines_reason_and_says_the_therapist_set_the_dose()
    {
        var first = ProgramAssembler.Assemble(Library, Ankle).Program!.Items[0];

        var reviewed = ItemReview.Review(Library, Phase2, Ankle, [new ProposedItem(first.ExerciseId, first.Dose with { Sets = first.Dose.Sets + 1 }, null)]);

        Assert.Equal($"{first.Rationale} Dose set by the therapist.", reviewed.Items[0].Rationale);
    }

    [Fact]
    public void A_therapists_pick_the_engine_did_not_choose_names_the_slot_it_fills_and_the_limits_it_keeps()
    {
        var engineIds = ProgramAssembler.Assemble(Library, Ankle).Program!.Items.Select(item => item.ExerciseId).ToHashSet();
        var slot = Phase2.Slots.First(s => s.Delivery == Delivery.Home);
        var pick = Library.Exercises.First(e => !engineIds.Contains(e.Id) && e.Delivery == Delivery.Home && e.Category == slot.Category
            && e.Difficulty >= slot.MinDifficulty && e.Difficulty <= slot.MaxDifficulty && e.Equipment.Count == 0
            && (slot.BodyRegions.Count == 0 || e.BodyRegions.Any(slot.BodyRegions.Contains))
            && SafetyRules.Check(e, Phase2.Precautions, e.DefaultDose).Count == 0);

        var reviewed = ItemReview.Review(Library, Phase2, Ankle, [new ProposedItem(pick.Id, null, null)]);

        var rationale = Assert.Single(reviewed.Items).Rationale;
        Assert.StartsWith("Chosen by the therapist for slot ", rationale, StringComparison.Ordinal);
        Assert.Contains($"of phase 2 ({ClinicalText.Words(slot.Category)}", rationale, StringComparison.Ordinal);
        Assert.Contains("Checked: ", rationale, StringComparison.Ordinal);
    }
}
