using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Prescriptions.Application.FollowUps;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Application.Sweeps;
using Prescriptions.Application.Worklist;

namespace Prescriptions.Application.Tests.Fakes;

/// <summary>The use cases wired to in-memory ports and a fake clock, as the hosts wire them to storage.</summary>
internal sealed class UseCases
{
    public UseCases()
    {
        Repository = new() { Worklist = WorklistLines };
        FollowUps = new() { Worklist = WorklistLines };
        var libraries = new ShippedLibraryProvider();
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var scheduler = new FollowUpScheduler(FollowUps, libraries, options, Clock, NullLogger<FollowUpScheduler>.Instance);
        var readiness = new PrescriptionReadiness(Repository, FollowUps, libraries, Clock);
        Patients = new InMemoryPatients(Repository);
        var summaries = new WorklistSummaries(FollowUps, readiness, libraries, Patients, Clock);
        var recipients = new Application.Webhooks.EventRecipients(Partners, new ClinicAlertMailer(Email, options, Microsoft.Extensions.Options.Options.Create(Portal), Patients));
        var updates = new PrescriptionUpdates(Repository, scheduler, summaries, recipients);
        Links = new CheckInLinks(options);
        Prescriptions = new PrescriptionService(Repository, libraries, updates, readiness, Patients, summaries, recipients, Clock);
        PatientService = new Application.Patients.PatientService(Patients, Patients, Clock);
        Alerts = new Application.Alerts.AlertService(FollowUps, Repository, summaries, Clock);
        CheckIns = new CheckInService(Links, FollowUps, FollowUps, readiness, updates, Repository, summaries, recipients, options, Clock);
        Handouts = new Application.Handouts.HandoutService(Prescriptions, libraries, Links, Microsoft.Extensions.Options.Options.Create(Clinics), Wording.Shipped, Clock);
        Sweeper = new FollowUpSweeper(FollowUps, FollowUps, Repository, scheduler, new FollowUpEmails(Links, Wording.Shipped), Email, readiness, summaries, recipients, options, Clock, NullLogger<Sweep<PendingFollowUp>>.Instance);
        Worklist = new WorklistService(WorklistLines, Clock);
    }

    /// <summary>The partners: clinic-a and clinic-b each have one, subscribed to every event.</summary>
    public SubscribedPartners Partners { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
    public InMemoryWorklist WorklistLines { get; } = new();
    public InMemoryPrescriptions Repository { get; }
    public InMemoryFollowUps FollowUps { get; }
    public WorklistService Worklist { get; }
    public CheckInLinks Links { get; }
    public PrescriptionService Prescriptions { get; }
    public InMemoryPatients Patients { get; }
    public Application.Patients.PatientService PatientService { get; }
    public Application.Alerts.AlertService Alerts { get; }
    public CheckInService CheckIns { get; }
    public Application.Handouts.HandoutService Handouts { get; }
    public PortalOptions Portal { get; } = new() { BaseUrl = "https://portal.example.org" };
    public Application.Handouts.ClinicOptions Clinics { get; } = new() { Names = { ["clinic-a"] = "Riverside Physio" } };
    public FollowUpSweeper Sweeper { get; }
    public RecordingEmail Email { get; } = new();
    public FollowUpOptions Options { get; } = new() { SigningKey = new string('k', 32), PublicBaseUrl = "https://rx.example", MaxAttempts = 2 };
}
