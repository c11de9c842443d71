using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Prescriptions.Application.FollowUps;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Application.Sweeps;

namespace Prescriptions.Application.Tests.Fakes;

/// <summary>The use cases wired to in-memory ports and a fake clock, as the hosts wire them to storage.</summary>
internal sealed class UseCases
{
    public UseCases()
    {
        var libraries = new ShippedLibraryProvider();
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var scheduler = new FollowUpScheduler(FollowUps, libraries, options, Clock, NullLogger<FollowUpScheduler>.Instance);
        var updates = new PrescriptionUpdates(Repository, scheduler);
        var readiness = new PrescriptionReadiness(Repository, FollowUps, libraries, Clock);
        Links = new CheckInLinks(options);
        Patients = new InMemoryPatients(Repository);
        Prescriptions = new PrescriptionService(Repository, libraries, updates, readiness, Patients, Clock);
        PatientService = new Application.Patients.PatientService(Patients, Patients, Clock);
        Alerts = new Application.Alerts.AlertService(FollowUps, Repository, Clock);
        CheckIns = new CheckInService(Links, FollowUps, FollowUps, readiness, updates, Repository, options, Clock);
        Handouts = new Application.Handouts.HandoutService(Prescriptions, libraries, Links, Microsoft.Extensions.Options.Options.Create(Clinics), Clock);
        Sweeper = new FollowUpSweeper(FollowUps, FollowUps, Repository, scheduler, new FollowUpEmails(Links), Email, readiness, options, Clock, NullLogger<Sweep<PendingFollowUp>>.Instance);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
    public InMemoryPrescriptions Repository { get; } = new();
    public InMemoryFollowUps FollowUps { get; } = new();
    public CheckInLinks Links { get; }
    public PrescriptionService Prescriptions { get; }
    public InMemoryPatients Patients { get; }
    public Application.Patients.PatientService PatientService { get; }
    public Application.Alerts.AlertService Alerts { get; }
    public CheckInService CheckIns { get; }
    public Application.Handouts.HandoutService Handouts { get; }
    public Application.Handouts.ClinicOptions Clinics { get; } = new() { Names = { ["clinic-a"] = "Riverside Physio" } };
    public FollowUpSweeper Sweeper { get; }
    public RecordingEmail Email { get; } = new();
    public FollowUpOptions Options { get; } = new() { SigningKey = new string('k', 32), PublicBaseUrl = "https://rx.example", MaxAttempts = 2 };
}
