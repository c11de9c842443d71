using Prescriptions.Application.Outcomes;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Application.Tests.Fakes;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Testing;

using static Prescriptions.Application.Tests.Fakes.Given;

namespace Prescriptions.Application.Tests;

/// <summary>The status machine through the use cases (moved from the HTTP suite, which keeps one case for the 409).</summary>
public sealed class LifecycleRulesTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly PrescriptionService service = new UseCases().Prescriptions;

    [Theory]
    [InlineData("draft", "complete")]
    [InlineData("completed", "activate")]
    [InlineData("completed", "cancel")]
    [InlineData("completed", "complete")]
    [InlineData("cancelled", "advance")]
    [InlineData("completed", "advance")]
    [InlineData("cancelled", "activate")]
    [InlineData("cancelled", "complete")]
    [InlineData("cancelled", "cancel")]
    [InlineData("active", "activate")]
    public async Task Illegal_transitions_are_conflicts_and_change_nothing(string state, string action)
    {
        var stored = await InStateAsync(state);

        var outcome = action == "advance"
            ? await service.AdvanceAsync(ClinicA, stored.Value.Id, stored.ETag, byOverride: false, null, Therapist, None)
            : await service.TransitionAsync(ClinicA, stored.Value.Id, stored.ETag, Enum.Parse<LifecycleAction>(action, ignoreCase: true), Therapist, None);

        Assert.Equal(FailureKind.Conflict, outcome.Failure!.Kind);
        var read = (await service.FindAsync(ClinicA, stored.Value.Id, None)).Value!;
        Assert.Equal((stored.ETag, state), (read.ETag, read.Value.Status.ToString().ToLowerInvariant()));
    }

    [Theory]
    [InlineData("completed")]
    [InlineData("cancelled")]
    public async Task A_finished_prescription_cannot_be_replaced(string state)
    {
        var stored = await InStateAsync(state);

        var changeable = await service.FindChangeableAsync(ClinicA, stored.Value.Id, stored.ETag, LifecycleAction.Update, None);

        Assert.Equal(FailureKind.Conflict, changeable.Failure!.Kind);
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("active")]
    public async Task Draft_and_active_prescriptions_can_be_cancelled(string state)
    {
        var stored = await InStateAsync(state);

        var cancelled = await service.TransitionAsync(ClinicA, stored.Value.Id, stored.ETag, LifecycleAction.Cancel, Therapist, None);

        Assert.Equal(PrescriptionStatus.Cancelled, cancelled.Value!.Value.Status);
    }

    private async Task<Versioned<Prescription>> InStateAsync(string state)
    {
        var stored = (await service.CreateAsync(AnkleDraft(), null, ShippedLibrary.Indexed, null, Therapist, None)).Value!.Stored;
        LifecycleAction[] steps = state switch
        {
            "draft" => [],
            "active" => [LifecycleAction.Activate],
            "completed" => [LifecycleAction.Activate, LifecycleAction.Complete],
            _ => [LifecycleAction.Cancel],
        };
        foreach (var step in steps)
        {
            stored = (await service.TransitionAsync(ClinicA, stored.Value.Id, stored.ETag, step, Therapist, None)).Value!;
        }

        return stored;
    }
}
