using Prescriptions.Application.Language;
using Microsoft.Extensions.Options;
using Prescriptions.Application.FollowUps;
using Prescriptions.Application.Outcomes;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Library;

namespace Prescriptions.Application.Handouts;

/// <summary>The patient's handout of a prescription: found within the caller's clinics, in the words of the library version it was assembled with.</summary>
public sealed class HandoutService(
    PrescriptionService prescriptions,
    ILibraryProvider libraries,
    CheckInLinks links,
    IOptions<ClinicOptions> clinics,
    PatientWording wording,
    TimeProvider clock)
{
    public async Task<Outcome<Handout>> BuildAsync(IReadOnlyList<string> clinicIds, string prescriptionId, CancellationToken cancellationToken)
    {
        var found = await prescriptions.FindAsync(clinicIds, prescriptionId, cancellationToken);
        if (found.Value is not { Value: var prescription })
        {
            return found.Cast<Handout>();
        }

        // The exercises as they were when the prescription was assembled, not as the library has them now.
        var library = await libraries.GetVersionAsync(prescription.LibraryVersion, cancellationToken);
        var now = clock.GetUtcNow();
        var printedOn = PrintedOn(prescription, now);
        // The same signed link the follow-up emails carry, issued as the handout is printed; paper lasts the programme.
        var checkIn = prescription.FollowUp is null
            ? null
            : links.CheckIn(links.IssueUntil(prescription.ClinicId, prescription.Id, now, ProgrammeEnd(prescription, printedOn)));
        var words = wording.In(prescription.FollowUp?.PreferredLanguage);
        return HandoutContent.Build(prescription, library, clinics.Value.NameOf(prescription.ClinicId) ?? words["Handout_NeutralClinic"], printedOn, checkIn, words);
    }

    /// <summary>The end of the programme's last day (start, or today, plus its weeks); today when it names no weeks.</summary>
    private static DateTimeOffset ProgrammeEnd(Domain.Prescriptions.Prescription prescription, DateOnly printedOn)
    {
        var start = prescription.StartDate ?? printedOn;
        var lastDay = start.AddDays((7 * (prescription.Weeks ?? 0)) + 1);
        return new DateTimeOffset(lastDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }

    /// <summary>Today where the patient lives when the follow-up names a time zone, else today in UTC.</summary>
    private static DateOnly PrintedOn(Domain.Prescriptions.Prescription prescription, DateTimeOffset now)
    {
        if (prescription.FollowUp?.TimeZone is { Length: > 0 } zoneId && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        }

        return DateOnly.FromDateTime(now.UtcDateTime);
    }
}
