using Prescriptions.Application.Prescriptions;
using Prescriptions.Application.Tests.Fakes;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Testing;

using static Prescriptions.Application.Tests.Fakes.Given;

namespace Prescriptions.Application.Tests;

/// <summary>The history says what changed in a therapist's words: names, "3 x 12 -> 3 x 15", limits one by one.</summary>
public sealed class ReadableAuditTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly UseCases useCases = new();

    private async Task<(Versioned<Prescription> Stored, IReadOnlyList<FieldChange> Changes)> ReplaceAsync(Func<Prescription, PrescriptionReplacement> replacement)
    {
        var stored = (await useCases.Prescriptions.CreateAsync(AnkleDraft(), null, ShippedLibrary.Indexed, null, Therapist, None)).Value!.Stored;
        var replaced = await useCases.Prescriptions.ReplaceAsync(stored, replacement(stored.Value), ShippedLibrary.Indexed, Therapist, None);
        Assert.Null(replaced.Failure);
        var history = (await useCases.Prescriptions.HistoryAsync(ClinicA, stored.Value.Id, 10, null, None)).Value!;
        return (stored, history.Items[0].Changes);
    }

    private static ProposedItem Keep(PrescriptionItem item) => new(item.ExerciseId, item.Dose, item.Notes);

    [Fact]
    public async Task A_dose_change_reads_as_sets_by_reps()
    {
        var (stored, changes) = await ReplaceAsync(p =>
        {
            var items = p.Items.Select(Keep).ToList();
            var first = p.Items.First(i => i.Dose.Reps is not null && i.Dose.DurationSeconds is null);
            items[p.Items.ToList().IndexOf(first)] = new ProposedItem(first.ExerciseId, first.Dose with { Reps = first.Dose.Reps + 3 }, null);
            return new PrescriptionReplacement(items, null, null, null, null);
        });

        var first = stored.Value.Items.First(i => i.Dose.Reps is not null && i.Dose.DurationSeconds is null);
        var change = Assert.Single(changes, c => c.Field.StartsWith("Dose of", StringComparison.Ordinal));
        Assert.Equal($"Dose of {first.Name}", change.Field);
        Assert.StartsWith($"{first.Dose.Sets} x {first.Dose.Reps}", change.From, StringComparison.Ordinal);
        Assert.StartsWith($"{first.Dose.Sets} x {first.Dose.Reps + 3}", change.To, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removed_exercises_and_changed_limits_are_named_in_words()
    {
        var (stored, changes) = await ReplaceAsync(p => new PrescriptionReplacement(
            [.. p.Items.Skip(1).Select(Keep)],
            p.Constraints with { WeightBearing = WeightBearing.Full, MaxExercises = 6, MaxMinutesPerSession = 25 },
            null, null, null));

        Assert.Contains(new FieldChange("Exercise removed", stored.Value.Items[0].Name, null), changes);
        Assert.Contains(new FieldChange("Weight bearing", "partial", "full"), changes);
        Assert.Contains(new FieldChange("Most home exercises", "5", "6"), changes);
        Assert.Contains(new FieldChange("Session length", "at most 20 minutes", "at most 25 minutes"), changes);
        Assert.All(changes, c =>
        {
            Assert.DoesNotContain("{", c.From ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain("{", c.To ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain("PatientConstraints", c.To ?? string.Empty, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_new_prescription_lists_its_exercises_with_their_doses_and_its_status_in_words()
    {
        var program = PrescriptionService.Preview(ShippedLibrary.Indexed, AnkleDraft().Request).Value!;
        var write = Prescription.Create(Prescription.NewId(), AnkleDraft(), program, Therapist, useCases.Clock.GetUtcNow(), null);

        var changes = write.Audit.Changes;

        Assert.Contains(new FieldChange("Status", null, "draft"), changes);
        Assert.Contains(changes, c => c.Field == "Exercise added" && c.To == $"{program.Items[0].Name}, {PrescriptionDiff.DoseText(program.Items[0].Dose)}");
    }

    [Fact]
    public void Doses_read_short()
    {
        Assert.Equal("3 x 12", PrescriptionDiff.DoseText(new Dose { Sets = 3, Reps = 12 }));
        Assert.Equal("2 x 30 s, hold 5 s, 2 kg", PrescriptionDiff.DoseText(new Dose { Sets = 2, DurationSeconds = 30, HoldSeconds = 5, Load = new Load(LoadKind.Kg, 2) }));
    }
}
