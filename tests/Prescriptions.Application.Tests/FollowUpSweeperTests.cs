using Prescriptions.Application.Tests.Fakes;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Testing;

using static Prescriptions.Application.Tests.Fakes.Given;

namespace Prescriptions.Application.Tests;

/// <summary>The follow-up messages' sweep against in-memory ports: sent once, retried, then recorded as failed with an alert.</summary>
public sealed class FollowUpSweeperTests
{
    private readonly UseCases useCases = new();

    private async Task<Prescription> ActiveWithContactAsync()
    {
        var draft = AnkleDraft(Contact) with { Weeks = 1 };
        var stored = (await useCases.Prescriptions.CreateAsync(draft, null, ShippedLibrary.Indexed, null, Therapist, CancellationToken.None)).Value!.Stored;
        return (await useCases.Prescriptions.TransitionAsync(["clinic-a"], stored.Value.Id, stored.ETag, LifecycleAction.Activate, Therapist, CancellationToken.None)).Value!.Value;
    }

    [Fact]
    public async Task The_welcome_goes_out_once_and_is_recorded()
    {
        var prescription = await ActiveWithContactAsync();

        var first = await useCases.Sweeper.SweepAsync(CancellationToken.None);
        var again = await useCases.Sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal((1, 0), (first.Sent, again.Sent));
        var email = Assert.Single(useCases.Email.Sent);
        Assert.Equal("pat@example.com", email.To);
        Assert.Contains("Hello Kari,", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(prescription.ConditionId, email.TextBody, StringComparison.Ordinal);
        Assert.True(Assert.Single(useCases.FollowUps.Deliveries).Sent);
    }

    [Fact]
    public async Task A_refused_send_is_retried_after_the_backoff_then_recorded_as_failed_with_an_alert()
    {
        var prescription = await ActiveWithContactAsync();
        useCases.Email.Refuse = true;

        var first = await useCases.Sweeper.SweepAsync(CancellationToken.None);
        var tooSoon = await useCases.Sweeper.SweepAsync(CancellationToken.None);
        useCases.Clock.Advance(useCases.Options.BackoffBase);
        var last = await useCases.Sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal((1, 0, 1), (first.Retrying, tooSoon.Retrying + tooSoon.Failed, last.Failed));
        Assert.Equal(2, useCases.Email.Attempts);
        var delivery = Assert.Single(useCases.FollowUps.Deliveries);
        Assert.Equal((false, 2), (delivery.Sent, delivery.Attempts));
        var alert = Assert.Single(useCases.FollowUps.Alerts);
        Assert.Equal((AlertKind.DeliveryFailed, prescription.Id), (alert.Kind, alert.PrescriptionId));
        Assert.Contains(useCases.FollowUps.Events, e => e.Type == EventTypes.AlertRaised && e.Alert == alert);
        Assert.DoesNotContain(useCases.FollowUps.Scheduled, m => m.Message.Id == delivery.MessageId);
    }
}
