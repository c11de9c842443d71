using Prescriptions.Application.Outcomes;
using Prescriptions.Application.Tests.Fakes;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Testing;

using static Prescriptions.Application.Tests.Fakes.Given;

namespace Prescriptions.Application.Tests;

/// <summary>The alerts inbox against in-memory ports: newest first by status and kind, paged; acknowledging is recorded and audited once.</summary>
public sealed class AlertServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly UseCases useCases = new();

    private async Task<(string PrescriptionId, Alert[] Raised)> RaiseAsync(int count)
    {
        var stored = (await useCases.Prescriptions.CreateAsync(AnkleDraft(), null, ShippedLibrary.Indexed, null, Therapist, None)).Value!.Stored.Value;
        var start = useCases.Clock.GetUtcNow();
        var raised = Enumerable.Range(0, count)
            .Select(i => Alert.Raise(stored.Id, i % 2 == 0 ? AlertKind.HighPain : AlertKind.NoCheckIn, $"day {i}", start.AddHours(i), $"Alert {i}."))
            .ToArray();
        await useCases.FollowUps.RaiseAlertsAsync("clinic-a", raised, [], null, None);
        return (stored.Id, raised);
    }

    [Fact]
    public async Task Open_alerts_list_newest_first_by_page_and_kind()
    {
        var (_, raised) = await RaiseAsync(5);

        var first = (await useCases.Alerts.ListAsync("clinic-a", AlertStatus.Open, null, 2, null, None)).Value!;
        var second = (await useCases.Alerts.ListAsync("clinic-a", AlertStatus.Open, null, 2, first.ContinuationToken, None)).Value!;
        var third = (await useCases.Alerts.ListAsync("clinic-a", AlertStatus.Open, null, 2, second.ContinuationToken, None)).Value!;
        var pain = (await useCases.Alerts.ListAsync("clinic-a", AlertStatus.Open, AlertKind.HighPain, 10, null, None)).Value!;
        var otherClinic = (await useCases.Alerts.ListAsync("clinic-b", AlertStatus.Open, null, 10, null, None)).Value!;

        Assert.Equal(raised.Reverse().Select(a => a.Id), first.Items.Concat(second.Items).Concat(third.Items).Select(a => a.Id));
        Assert.Null(third.ContinuationToken);
        Assert.Equal([raised[4].Id, raised[2].Id, raised[0].Id], pain.Items.Select(a => a.Id));
        Assert.Empty(otherClinic.Items);
    }

    [Fact]
    public async Task Acknowledging_records_who_when_and_the_note_and_is_audited_once()
    {
        var (prescriptionId, raised) = await RaiseAsync(2);

        var acknowledged = (await useCases.Alerts.AcknowledgeAsync(ClinicA, raised[0].Id, " Called the patient. ", Therapist, None)).Value!;
        var again = (await useCases.Alerts.AcknowledgeAsync(ClinicA, raised[0].Id, "Another note", Therapist with { Subject = "therapist-2" }, None)).Value!;

        Assert.Equal((AlertStatus.Acknowledged, "therapist-1", "Called the patient.", useCases.Clock.GetUtcNow()),
            (acknowledged.Status, acknowledged.AcknowledgedBy, acknowledged.Note, acknowledged.AcknowledgedAt));
        Assert.Equal(acknowledged, again);
        var audit = Assert.Single(useCases.FollowUps.Audit, a => a.Action == "alertAcknowledged");
        Assert.Equal(prescriptionId, audit.PrescriptionId);
        Assert.Contains("high pain", audit.Summary, StringComparison.Ordinal);
        Assert.Contains("Note: Called the patient.", audit.Summary, StringComparison.Ordinal);
        var open = (await useCases.Alerts.ListAsync("clinic-a", AlertStatus.Open, null, 10, null, None)).Value!;
        var done = (await useCases.Alerts.ListAsync("clinic-a", AlertStatus.Acknowledged, null, 10, null, None)).Value!;
        Assert.Equal([raised[1].Id], open.Items.Select(a => a.Id));
        Assert.Equal([raised[0].Id], done.Items.Select(a => a.Id));
    }

    [Fact]
    public async Task Another_clinics_or_an_unknown_alert_is_not_found_and_a_long_note_is_refused()
    {
        var (_, raised) = await RaiseAsync(1);

        var elsewhere = await useCases.Alerts.AcknowledgeAsync(["clinic-b"], raised[0].Id, null, Therapist, None);
        var unknown = await useCases.Alerts.AcknowledgeAsync(ClinicA, "alrt_000000000000000000000000", null, Therapist, None);
        var tooLong = await useCases.Alerts.AcknowledgeAsync(ClinicA, raised[0].Id, new string('x', 1001), Therapist, None);

        Assert.Equal(FailureKind.NotFound, elsewhere.Failure!.Kind);
        Assert.Equal(FailureKind.NotFound, unknown.Failure!.Kind);
        Assert.Contains("note", tooLong.Failure!.Errors.Keys);
        Assert.All(useCases.FollowUps.Alerts, a => Assert.Equal(AlertStatus.Open, a.Status));
    }

    [Fact]
    public async Task A_new_alert_of_the_same_kind_later_is_a_new_open_alert()
    {
        var (prescriptionId, raised) = await RaiseAsync(1);
        await useCases.Alerts.AcknowledgeAsync(ClinicA, raised[0].Id, null, Therapist, None);

        var later = Alert.Raise(prescriptionId, AlertKind.HighPain, "day 9", useCases.Clock.GetUtcNow().AddDays(1), "Pain again.");
        await useCases.FollowUps.RaiseAlertsAsync("clinic-a", [later], [], null, None);

        var open = (await useCases.Alerts.ListAsync("clinic-a", AlertStatus.Open, AlertKind.HighPain, 10, null, None)).Value!;
        Assert.Equal([later.Id], open.Items.Select(a => a.Id));
    }
}
