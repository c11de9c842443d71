using Prescriptions.Application.Outcomes;
using Prescriptions.Application.Tests.Fakes;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Testing;

using static Prescriptions.Application.Tests.Fakes.Given;

namespace Prescriptions.Application.Tests;

/// <summary>Asking for a phase: the date given is evidence; a phase it shows too early is refused unless overridden with a reason.</summary>
public sealed class PhaseEntryTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly UseCases useCases = new();

    private PrescriptionDraft CuffPhase2(int? daysSinceSurgery, string? overrideReason = null)
    {
        var today = DateOnly.FromDateTime(useCases.Clock.GetUtcNow().UtcDateTime);
        return new PrescriptionDraft("clinic-a", "p-1", new AssemblyRequest("rotator-cuff-repair", 2, Side.Right, new PatientConstraints())
        {
            SurgeryDate = daysSinceSurgery is { } days ? today.AddDays(-days) : null,
        })
        {
            OverrideReason = overrideReason,
        };
    }

    [Fact]
    public async Task A_phase_the_surgery_date_shows_too_early_is_refused_naming_the_criterion_and_nothing_is_stored()
    {
        var outcome = await useCases.Prescriptions.CreateAsync(CuffPhase2(21), null, ShippedLibrary.Indexed, null, Therapist, None);

        Assert.Equal(FailureKind.Conflict, outcome.Failure!.Kind);
        Assert.Contains("override", outcome.Failure.Detail, StringComparison.Ordinal);
        Assert.Contains(outcome.Failure.Errors, e => e.Key == "entryCriteria.daysSinceSurgery");
        Assert.Empty(useCases.Repository.Audit);
    }

    [Fact]
    public async Task An_override_with_a_reason_creates_it_and_the_audit_trail_keeps_the_reason()
    {
        var outcome = await useCases.Prescriptions.CreateAsync(CuffPhase2(21, "Surgeon's protocol allows early active motion."), null, ShippedLibrary.Indexed, null, Therapist, None);

        var stored = outcome.Value!.Stored.Value;
        Assert.Equal(2, stored.Phase);
        Assert.Equal(DateOnly.FromDateTime(useCases.Clock.GetUtcNow().UtcDateTime).AddDays(-21), stored.SurgeryDate);
        Assert.Contains("Surgeon's protocol allows early active motion.", Assert.Single(useCases.Repository.Audit).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_date_the_criterion_is_unknown_so_the_program_is_created_with_a_warning()
    {
        var outcome = await useCases.Prescriptions.CreateAsync(CuffPhase2(null), null, ShippedLibrary.Indexed, null, Therapist, None);

        Assert.Contains(outcome.Value!.Stored.Value.Warnings, w => w.Contains("not yet shown", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Time_gates_count_from_the_surgery_date_and_the_codes_follow_the_side()
    {
        var week7 = (await useCases.Prescriptions.CreateAsync(CuffPhase2(49), null, ShippedLibrary.Indexed, null, Therapist, None)).Value!.Stored.Value;
        var week10 = (await useCases.Prescriptions.CreateAsync(CuffPhase2(70), null, ShippedLibrary.Indexed, null, Therapist, None)).Value!.Stored.Value;
        var library = ShippedLibrary.Indexed;

        Assert.DoesNotContain(week7.Items, i => library.FindExercise(i.ExerciseId)!.Contraindications.Contains(PrecautionTags.NoResistedRepair));
        Assert.NotEqual(week7.Items.Select(i => i.ExerciseId), week10.Items.Select(i => i.ExerciseId));
        Assert.All(week7.Icd10Codes, code => Assert.DoesNotContain(library.FindCondition("rotator-cuff-repair")!.Icd10Codes, c => c.Code == code && c.Side == Side.Left));
        Assert.NotEmpty(week7.Icd10Codes);
    }
}
