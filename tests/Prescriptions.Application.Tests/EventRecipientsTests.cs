using Prescriptions.Application.Tests.Fakes;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Testing;
using static Prescriptions.Application.Tests.Fakes.Given;

namespace Prescriptions.Application.Tests;

/// <summary>Events are written only when someone receives them: a partner of the clinic, or the clinic's alert address.</summary>
public sealed class EventRecipientsTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly UseCases useCases = new();

    [Fact]
    public async Task A_clinic_without_a_partner_gets_no_events_written()
    {
        useCases.Partners.SubscribedClinics.Clear();

        var created = (await useCases.Prescriptions.CreateAsync(AnkleDraft(Contact), null, ShippedLibrary.Indexed, null, Therapist, None)).Value!.Stored;
        await useCases.Prescriptions.TransitionAsync(ClinicA, created.Value.Id, created.ETag, LifecycleAction.Activate, Therapist, None);

        Assert.Empty(useCases.Repository.Events);
        Assert.Equal(2, useCases.Repository.Audit.Count); // the changes themselves are stored and audited
    }

    [Fact]
    public async Task A_clinic_with_a_partner_gets_each_change_as_an_event()
    {
        var created = (await useCases.Prescriptions.CreateAsync(AnkleDraft(Contact), null, ShippedLibrary.Indexed, null, Therapist, None)).Value!.Stored;
        await useCases.Prescriptions.TransitionAsync(ClinicA, created.Value.Id, created.ETag, LifecycleAction.Activate, Therapist, None);

        Assert.Equal([EventTypes.Created, EventTypes.Activated], useCases.Repository.Events.Select(e => e.Type));
    }

    [Fact]
    public void Only_clinics_with_a_recipient_are_swept()
    {
        useCases.Partners.SubscribedClinics.Remove("clinic-b");
        var recipients = new Webhooks.EventRecipients(useCases.Partners, new FollowUps.ClinicAlertMailer(useCases.Email,
            Microsoft.Extensions.Options.Options.Create(new FollowUps.FollowUpOptions { ClinicAlertEmails = { ["clinic-b"] = "desk@clinic-b.example" } })));

        Assert.Equal(["clinic-a", "clinic-b"], recipients.Clinics);
        useCases.Partners.SubscribedClinics.Clear();
        Assert.Equal(["clinic-b"], recipients.Clinics);
    }
}
